import { Resend } from 'resend';

const RESEND_API_URL = 'https://api.resend.com';

/** A received email as Resend's Receiving API returns it (its webhook carries only the id). */
export interface ReceivedEmail {
  to: string[];
  from: string;
  subject: string;
  text: string | null;
  html: string | null;
  messageId: string;
}

/** Reads a received email's addresses and body with the official SDK. */
export async function readReceivedEmail(
  options: { apiKey: string; baseUrl?: string; timeoutMs?: number },
  emailId: string,
): Promise<ReceivedEmail> {
  const resend = new Resend(options.apiKey, {
    baseUrl: (options.baseUrl ?? RESEND_API_URL).replace(/\/+$/, ''),
  });
  const { data, error } = await resend.emails.receiving.get(emailId, undefined, {
    signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
  });
  if (error) throw new Error(`Resend could not give the received email: ${error.message}`);
  return {
    // Cc and the envelope's recipients too: the reply address may be in any of them.
    to: [...data.to, ...(data.cc ?? []), ...(data.received_for ?? [])],
    from: data.from,
    subject: data.subject,
    text: data.text,
    html: data.html,
    messageId: data.message_id,
  };
}
