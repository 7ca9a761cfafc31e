import type { ActionParameters } from '@replyline/db/schema';
import { z } from 'zod';

/** A parameter's value: text, a number or yes/no; never an object a template could smuggle. */
export type ParamValue = string | number | boolean;
export type ActionParams = Record<string, ParamValue>;

const ZParameterName = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/, {
  message: 'A parameter name is letters, digits and _, starting with a letter (at most 40).',
});

const ZProperty = z.strictObject({
  type: z.enum(['string', 'number', 'integer', 'boolean']),
  description: z.string().max(300).optional(),
  enum: z.array(z.string().max(100)).max(50).optional(),
});

/**
 * The parameters an owner may declare: a flat JSON-schema object of scalars. Nested objects are
 * refused on purpose: every value ends up in a URL, a header-free body or a prompt, and a
 * scalar is what each of those can check.
 */
export const ZActionParameters = z
  .strictObject({
    type: z.literal('object').default('object'),
    properties: z.record(ZParameterName, ZProperty).default({}),
    required: z.array(z.string()).default([]),
  })
  .refine((p) => Object.keys(p.properties).length <= 20, 'An action takes at most 20 parameters.')
  .refine(
    (p) => p.required.every((name) => name in p.properties),
    'Every required parameter must be declared under properties.',
  );

/** Values are short: an order number, a date, a postcode, a few words of a note. */
const MAX_VALUE_CHARS = 500;

function zodOfProperty(property: z.infer<typeof ZProperty>): z.ZodType<ParamValue> {
  if (property.enum) return z.enum(property.enum as [string, ...string[]]);
  if (property.type === 'boolean') return z.boolean();
  if (property.type === 'integer') return z.coerce.number().int().finite();
  if (property.type === 'number') return z.coerce.number().finite();
  return z
    .union([z.string(), z.number()])
    .transform(String)
    .pipe(z.string().trim().min(1).max(MAX_VALUE_CHARS));
}

/**
 * Checks what a model or a visitor supplied against the action's declared parameters: declared
 * names only (an extra one is refused, not dropped, so smuggling is visible), required ones
 * present, scalars of the declared type. Throws a ZodError with a readable message otherwise.
 */
export function parseActionParams(parameters: ActionParameters, input: unknown): ActionParams {
  const declared = ZActionParameters.parse(parameters);
  const shape: Record<string, z.ZodType> = {};
  for (const [name, property] of Object.entries(declared.properties)) {
    const value = zodOfProperty(property);
    shape[name] = declared.required.includes(name) ? value : value.optional();
  }
  return z.strictObject(shape).parse(input ?? {}) as ActionParams;
}

/** The JSON schema a model is given for a tool: exactly what `parseActionParams` accepts. */
export function toolSchemaOf(parameters: ActionParameters) {
  const declared = ZActionParameters.parse(parameters);
  return {
    type: 'object' as const,
    properties: declared.properties,
    required: declared.required,
    additionalProperties: false,
  };
}
