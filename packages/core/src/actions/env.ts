import { parseEnv } from '@replyline/db';
import { z } from 'zod';

const ZActionsEnv = z
  .object({
    /**
     * Development and tests only: let actions call an endpoint on this machine or the local
     * network (a shop running next to the app). Refused in production.
     */
    ACTIONS_ALLOW_PRIVATE_ADDRESSES: z
      .enum(['true', 'false'])
      .default('false')
      .transform((value) => value === 'true'),
    NODE_ENV: z.enum(['development', 'test', 'production']).optional(),
  })
  .refine((env) => !(env.ACTIONS_ALLOW_PRIVATE_ADDRESSES && env.NODE_ENV === 'production'), {
    path: ['ACTIONS_ALLOW_PRIVATE_ADDRESSES'],
    message: 'must not be true in production: actions may call public addresses only',
  });

/** The last answer, by the two values it depends on (tests change them while a process runs). */
let last: { allow: string | undefined; nodeEnv: string | undefined; answer: boolean } | null = null;

/**
 * Whether actions may call endpoints on private addresses (never in production). Asked once per
 * widget message: the environment is validated again only when one of its two values changed.
 */
export function actionsMayReachLocal(source: NodeJS.ProcessEnv = process.env): boolean {
  const allow = source.ACTIONS_ALLOW_PRIVATE_ADDRESSES;
  const nodeEnv = source.NODE_ENV;
  if (last && last.allow === allow && last.nodeEnv === nodeEnv) return last.answer;
  const answer = parseEnv(ZActionsEnv, source, 'Actions').ACTIONS_ALLOW_PRIVATE_ADDRESSES;
  last = { allow, nodeEnv, answer };
  return answer;
}
