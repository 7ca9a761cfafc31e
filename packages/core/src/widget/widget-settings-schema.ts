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

/** The API accepts up to 50 signed order ids, so a VIP rule can count at most that many. */
export const MAX_VIP_MIN_ORDERS = 50;

/** Greetings for signed-in customers by type (see customer-greeting.ts); empty: the default. */
export const ZCustomerGreetings = z.object({
  new: optional(text(300, 'the greeting for new customers')),
  returning: optional(text(300, 'the greeting for returning customers')),
  vip: optional(text(300, 'the greeting for VIP customers')),
  vipMinOrders: z
    .number({ error: 'the VIP order count must be a number' })
    .int('the VIP order count must be a whole number')
    .min(2, 'a VIP has at least 2 orders (1 order makes a returning customer)')
    .max(MAX_VIP_MIN_ORDERS, `a VIP rule counts at most ${MAX_VIP_MIN_ORDERS} orders`),
});
export type TCustomerGreetings = z.infer<typeof ZCustomerGreetings>;

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
  customerGreetings: ZCustomerGreetings.optional(),
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
 * People paste page addresses ("https://shop.example/cart") or bare hosts; both become the
 * origin, and the scheme typed is kept. A bare host is taken as https, except a machine's own
 * (localhost, 127.0.0.1), which serves http when someone tries the widget locally. Wildcards
 * are refused: origins are compared exactly.
 */
export const ZOrigin = z
  .string()
  .trim()
  .min(1, 'a website address cannot be empty')
  .max(300, 'a website address is at most 300 characters')
  .transform((value, ctx) => {
    const origin = toOrigin(value);
    if (typeof origin === 'string') return origin;
    ctx.addIssue({ code: 'custom', message: origin.problem });
    return z.NEVER;
  });

export const ZAllowedOrigins = z
  .array(ZOrigin)
  .max(MAX_ORIGINS, `at most ${MAX_ORIGINS} websites`)
  .transform((origins) => [...new Set(origins)]);

const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
const LOCAL_HOST =
  /^(?:localhost|[a-z0-9-]+\.localhost|127(?:\.\d{1,3}){3}|\[::1\])(?::\d+)?(?:[/?#]|$)/i;

/** The scheme a bare host is given: http for this machine's own addresses, https otherwise. */
export function withScheme(value: string): string {
  if (HAS_SCHEME.test(value)) return value;
  return `${LOCAL_HOST.test(value) ? 'http' : 'https'}://${value}`;
}

function toOrigin(value: string): string | { problem: string } {
  const example = 'write it like https://shop.example';
  if (value.includes('*'))
    return { problem: `"${value}": wildcards are not accepted; list each website, ${example}` };
  let url: URL;
  try {
    url = new URL(withScheme(value));
  } catch {
    return { problem: `"${value}" is not a website address; ${example}` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { problem: `"${value}": only http:// and https:// websites can show the chat` };
  if (!url.hostname || url.username || url.password)
    return { problem: `"${value}" is not a website address; ${example}` };
  return url.origin;
}
