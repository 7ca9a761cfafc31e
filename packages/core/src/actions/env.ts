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

/** Whether actions may call endpoints on private addresses (never in production). */
export function actionsMayReachLocal(source: NodeJS.ProcessEnv = process.env): boolean {
  return parseEnv(ZActionsEnv, source, 'Actions').ACTIONS_ALLOW_PRIVATE_ADDRESSES;
}
