import { Resend } from 'resend';

const RESEND_API_URL = 'https://api.resend.com';

/** A file of a received email: its metadata, and a reader of its bytes (fetched only when read). */
export interface ReceivedAttachment {
  filename: string;
  contentType: string;
  size: number;
  /** Downloads the file, stopping once it has more than `maxBytes` (the caller refuses it then). */
  read: (maxBytes: number) => Promise<Buffer>;
}

/** A received email as Resend's Receiving API returns it (its webhook carries only the id). */
export interface ReceivedEmail {
  to: string[];
  from: string;
  subject: string;
  text: string | null;
  html: string | null;
  messageId: string;
  attachments: ReceivedAttachment[];
}

interface ResendOptions {
  apiKey: string;
  baseUrl?: string;
  timeoutMs?: number;
}

const clientOf = (options: ResendOptions) =>
  new Resend(options.apiKey, {
    baseUrl: (options.baseUrl ?? RESEND_API_URL).replace(/\/+$/, ''),
  });

/** Reads a received email's addresses, body and attachments with the official SDK. */
export async function readReceivedEmail(
  options: ResendOptions,
  emailId: string,
): Promise<ReceivedEmail> {
  const resend = clientOf(options);
  const signal = () => AbortSignal.timeout(options.timeoutMs ?? 15_000);
  const { data, error } = await resend.emails.receiving.get(emailId, undefined, {
    signal: signal(),
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
    attachments:
      (data.attachments ?? []).length === 0
        ? []
        : await listAttachments(resend, emailId, signal, options.timeoutMs ?? 60_000),
  };
}

/**
 * The Attachments API gives each file a download address valid for an hour; the webhook and the
 * email carry only metadata. Files shown inline in the body (signature logos) are skipped.
 */
async function listAttachments(
  resend: Resend,
  emailId: string,
  signal: () => AbortSignal,
  downloadTimeoutMs: number,
): Promise<ReceivedAttachment[]> {
  const { data, error } = await resend.emails.receiving.attachments.list(
    { emailId },
    { signal: signal() },
  );
  if (error) throw new Error(`Resend could not list the email's attachments: ${error.message}`);
  return data.data
    .filter((file) => !(file.content_disposition === 'inline' && file.content_id))
    .map((file) => ({
      filename: file.filename ?? 'attachment',
      contentType: file.content_type,
      size: file.size,
      read: (maxBytes: number) => download(file.download_url, maxBytes, downloadTimeoutMs),
    }));
}

/**
 * Downloads a file, stopping at the first chunk that takes it past `maxBytes`: the connection
 * is closed there, so a file far over the cap costs a chunk past it, not the whole file.
 */
async function download(url: string, maxBytes: number, timeoutMs: number): Promise<Buffer> {
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  if (!response.ok || !response.body)
    throw new Error(`Resend's attachment download answered ${response.status}.`);
  const reader = response.body.getReader();
  const parts: Buffer[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(Buffer.from(value));
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      break;
    }
  }
  return Buffer.concat(parts);
}
