import { z } from 'zod';
import { ZImageUrl } from './branding-image-url';

/** Languages a workspace can answer and search in (the same list as workspace creation). */
export const WIDGET_LANGUAGES = ['english', 'swedish', 'norwegian', 'danish', 'german'] as const;

export const MAX_SUGGESTED_QUESTIONS = 6;
export const MAX_SUGGESTED_QUESTION_CHARS = 120;
const MAX_ORIGINS = 50;

/** A form's empty field means "not set". */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    schema.optional(),
  );

const ZHexColor = z
  .string()
  .trim()
  .regex(/^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i, 'must be a colour like #0f766e');

const text = (max: number, what: string) =>
  z
    .string()
    .trim()
    .min(1, `${what} cannot be empty`)
    .max(max, `${what} is at most ${max} characters`);

export const ZBranding = z.object({
  primaryColor: ZHexColor,
  accentColor: optional(ZHexColor),
  logoUrl: optional(ZImageUrl),
  avatarUrl: optional(ZImageUrl),
  greeting: text(300, 'the greeting'),
  launcherText: optional(text(60, 'the launcher text')),
  position: z.enum(['bottom-right', 'bottom-left']),
  suggestedQuestions: z
    .array(text(MAX_SUGGESTED_QUESTION_CHARS, 'a suggested question'))
    .max(MAX_SUGGESTED_QUESTIONS, `at most ${MAX_SUGGESTED_QUESTIONS} suggested questions`),
});
export type TBranding = z.infer<typeof ZBranding>;

export const ZPersona = z.object({
  assistantName: text(60, "the assistant's name"),
  tone: text(200, 'the tone'),
  instructions: optional(text(4_000, 'the instructions')),
  refusedTopics: z.array(text(100, 'a refused topic')).max(30, 'at most 30 refused topics'),
});
export type TPersona = z.infer<typeof ZPersona>;

/** When true, the widget refuses visitors without a valid signed identity (a private chat). */
export const ZIdentityRequired = z.boolean({ error: 'must be true or false' });

export const ZLanguage = z.enum(WIDGET_LANGUAGES, {
  error: `must be one of ${WIDGET_LANGUAGES.join(', ')}`,
});

/**
 * A website the widget may run on, as the browser sends it in `Origin`: scheme://host[:port].
 * People paste page addresses ("https://shop.example/cart") or bare hosts ("shop.example",
 * taken as https); both become the origin. Wildcards are refused: origins are compared exactly.
 */
export const ZOrigin = z
  .string()
  .trim()
  .min(1)
  .max(300)
  .transform((value, ctx) => {
    const origin = toOrigin(value);
    if (!origin)
      ctx.addIssue({
        code: 'custom',
        message: `"${value}" is not a website address; write it like https://shop.example`,
      });
    return origin ?? z.NEVER;
  });

export const ZAllowedOrigins = z
  .array(ZOrigin)
  .max(MAX_ORIGINS, `at most ${MAX_ORIGINS} websites`)
  .transform((origins) => [...new Set(origins)]);

function toOrigin(value: string): string | null {
  if (value.includes('*')) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `https://${value}`;
  try {
    const url = new URL(withScheme);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    if (!url.hostname || url.username || url.password) return null;
    return url.origin;
  } catch {
    return null;
  }
}
