import { Resend } from 'resend';
import { EmailSendError } from '../errors';
import type { EmailTransport } from './transport';

export const RESEND_API_URL = 'https://api.resend.com';

export interface ResendTransportOptions {
  apiKey: string;
  /** The sender, e.g. "Replyline <support@example.com>". */
  from: string;
  /** Always passed to the SDK, so it never falls back to reading RESEND_BASE_URL itself. */
  baseUrl?: string;
  timeoutMs?: number;
}

/**
 * Sends through Resend's API with the official SDK. The row id is the idempotency key, so an
 * attempt retried after a lost response is not delivered twice.
 */
export function resendTransport(options: ResendTransportOptions): EmailTransport {
  const resend = new Resend(options.apiKey, {
    baseUrl: (options.baseUrl ?? RESEND_API_URL).replace(/\/+$/, ''),
  });
  const timeoutMs = options.timeoutMs ?? 30_000;
  return {
    name: 'resend',
    async send(email) {
      const { data, error } = await resend.emails.send(
        {
          from: options.from,
          to: email.to,
          subject: email.subject,
          html: email.html,
          text: email.text,
          ...(email.replyTo ? { replyTo: email.replyTo } : {}),
          ...(email.attachments?.length
            ? {
                attachments: email.attachments.map(({ filename, contentType, content }) => ({
                  filename,
                  contentType,
                  content,
                })),
              }
            : {}),
        },
        { idempotencyKey: `outbound-email/${email.id}`, signal: AbortSignal.timeout(timeoutMs) },
      );
      if (error) {
        const status = error.statusCode ?? null;
        throw new EmailSendError(
          `Resend did not accept the email (${status ?? 'no response'}, ${error.name}): ${error.message}`,
          { permanent: isPermanent(status), status },
        );
      }
      return { status: 'sent', providerMessageId: data.id };
    },
  };
}

/**
 * A 4xx means Resend refused this very request (bad address, unverified sender): trying again
 * cannot help. Except 408/409/429, which are about timing, and no answer at all.
 */
function isPermanent(status: number | null): boolean {
  if (status === null) return false;
  return status >= 400 && status < 500 && ![408, 409, 429].includes(status);
}
