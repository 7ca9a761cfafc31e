import { z } from 'zod';
import { ZActionParameters } from './action-parameters';
import { urlTemplateProblem } from './url-template';
import { actionsMayReachLocal } from './env';

/** Header names a caller may not set: they belong to the connection or to us. */
const RESERVED_HEADERS = new Set([
  'host',
  'content-length',
  'content-type',
  'transfer-encoding',
  'connection',
  'user-agent',
  'cookie',
]);

const ZHeaderName = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}$/, 'A header name is one word (RFC 9110 token).')
  .refine((name) => !RESERVED_HEADERS.has(name.toLowerCase()), {
    message: 'This header is set by the connection and cannot be configured.',
  });

/** No control characters: a line break in a value would start a header of its own. */
const hasControlCharacter = (value: string) =>
  [...value].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f);
const ZHeaderValue = z
  .string()
  .max(2000)
  .refine((value) => !hasControlCharacter(value), {
    message: 'A header value must not contain line breaks or control characters.',
  });

export const ZHttpCallInput = z.object({
  method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).default('GET'),
  urlTemplate: z
    .string()
    .trim()
    .max(2000)
    .superRefine((value, ctx) => {
      const problem = urlTemplateProblem(value, { allowLocal: actionsMayReachLocal() });
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  /** Header name -> value; values are stored encrypted. Absent on update: keep the saved ones. */
  headers: z.record(ZHeaderName, ZHeaderValue).optional(),
  timeoutMs: z.coerce.number().int().min(500).max(15_000).default(5_000),
  responseFields: z
    .array(
      z.object({
        path: z
          .string()
          .trim()
          .regex(
            /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/,
            'A field is a dotted path, e.g. order.status.',
          ),
        label: z.string().trim().min(1).max(60),
      }),
    )
    .max(20)
    .default([]),
});

/** An action as its owner describes it (dashboard and management API). */
export const ZActionInput = z.object({
  name: z
    .string()
    .trim()
    .regex(
      /^[a-z][a-z0-9_]{0,47}$/,
      'A name is lower-case letters, digits and _, e.g. order_status.',
    ),
  description: z.string().trim().min(1, 'Say what the action does.').max(1000),
  /** 'http' for the business's own endpoint, or a built-in integration's id. */
  kind: z.string().trim().min(1).max(80),
  parameters: ZActionParameters.default({ type: 'object', properties: {}, required: [] }),
  http: ZHttpCallInput.optional(),
  /** A built-in's settings; its secret ones are stored encrypted. */
  settings: z.record(z.string(), z.unknown()).optional(),
  /**
   * Left out: an own endpoint requires a signed identity (it may return anything personal), a
   * built-in follows the integration (booking does not, order status always does).
   */
  requiresIdentity: z.boolean().optional(),
  sideEffects: z.boolean().default(false),
  enabled: z.boolean().default(false),
});
export type TActionInput = z.input<typeof ZActionInput>;

export const ZUpdateAction = ZActionInput.extend({ id: z.uuid() });
export type TUpdateAction = z.input<typeof ZUpdateAction>;
