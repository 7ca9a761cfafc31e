import type { EmailEnv } from '../env';
import type { EmailLogger } from '../logger';
import { outboxTransport } from './outbox';
import { resendTransport } from './resend';
import type { EmailTransport } from './transport';

/** Resend when a key is configured, otherwise the dev outbox. */
export function transportFromEnv(
  env: EmailEnv,
  { logger }: { logger?: EmailLogger } = {},
): EmailTransport {
  if (!env.RESEND_API_KEY) return outboxTransport({ logger });
  return resendTransport({
    apiKey: env.RESEND_API_KEY,
    from: env.EMAIL_FROM,
    baseUrl: env.RESEND_BASE_URL,
  });
}
