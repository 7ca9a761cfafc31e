import { createHash } from 'node:crypto';
import type { IncomingAttachment, InboundEmail } from '@replyline/core/email-replies';
import { HttpError } from '../http';

/**
 * The two shapes an inbound-parse provider posts a received email in: Postmark's JSON (files
 * base64 in `Attachments`) and SendGrid's multipart form (files as `attachment1…N` parts, named
 * in `attachment-info`). Both become one InboundEmail; the files' bytes are already in hand.
 */
export async function parseInboundPost(contentType: string, body: Buffer): Promise<InboundEmail> {
  if (/^multipart\/form-data/i.test(contentType)) return parseSendGridForm(contentType, body);
  return parsePostmarkJson(body.toString('utf8'));
}

const inHand = (filename: string, contentType: string, bytes: Buffer): IncomingAttachment => ({
  filename,
  contentType,
  size: bytes.length,
  read: async () => bytes,
});

interface PostmarkAddress {
  Email?: string;
}

interface PostmarkAttachment {
  Name?: string;
  Content?: string;
  ContentType?: string;
  ContentID?: string;
}

/** Postmark's inbound JSON (other providers can be set to post the same fields). */
function parsePostmarkJson(text: string): InboundEmail {
  let body: {
    ToFull?: PostmarkAddress[];
    CcFull?: PostmarkAddress[];
    To?: string;
    From?: string;
    Subject?: string;
    TextBody?: string;
    MessageID?: string;
    Attachments?: PostmarkAttachment[];
  };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    throw new HttpError(
      400,
      'The inbound email must be JSON or a multipart form.',
      'invalid_request',
    );
  }
  const recipients = [...(body.ToFull ?? []), ...(body.CcFull ?? [])]
    .map((address) => address.Email)
    .filter((address): address is string => typeof address === 'string');
  if (recipients.length === 0 && body.To) recipients.push(...body.To.split(','));
  if (!body.From || !body.MessageID || recipients.length === 0)
    throw new HttpError(400, 'The inbound email needs From, To and MessageID.', 'invalid_request');
  const files = body.Attachments ?? [];
  if (!Array.isArray(files) || files.some((file) => typeof file?.Content !== 'string'))
    throw new HttpError(
      400,
      'Attachments must be a list of files with base64 Content.',
      'invalid_request',
    );
  return {
    to: recipients,
    from: body.From,
    subject: body.Subject,
    text: body.TextBody ?? '',
    deliveryId: `parse:${body.MessageID}`,
    attachments: files.map((file) =>
      inHand(
        file.Name ?? 'attachment',
        file.ContentType ?? '',
        Buffer.from(file.Content ?? '', 'base64'),
      ),
    ),
  };
}

/** SendGrid's Inbound Parse: a multipart form of the email's fields and its files. */
async function parseSendGridForm(contentType: string, body: Buffer): Promise<InboundEmail> {
  let form: FormData;
  try {
    form = await new Request('http://inbound.invalid/', {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: new Uint8Array(body),
    }).formData();
  } catch {
    throw new HttpError(400, 'The inbound email form could not be read.', 'invalid_request');
  }
  const field = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value : undefined;
  };
  const from = field('from');
  const recipients = [
    ...splitAddresses(field('to')),
    ...splitAddresses(field('cc')),
    ...envelopeRecipients(field('envelope')),
  ];
  if (!from || recipients.length === 0)
    throw new HttpError(400, 'The inbound email needs from and to.', 'invalid_request');
  const messageId = /^message-id:\s*(.+)$/im.exec(field('headers') ?? '')?.[1]?.trim();
  return {
    to: recipients,
    from,
    subject: field('subject'),
    text: field('text') ?? htmlAsText(field('html') ?? ''),
    // No Message-ID header: the post's own bytes identify a redelivery of it.
    deliveryId: `parse:${messageId ?? createHash('sha256').update(body).digest('hex')}`,
    attachments: await formFiles(form, field('attachment-info')),
  };
}

/** The files in order (`attachment1`, `attachment2`, …), named as `attachment-info` says. */
async function formFiles(form: FormData, infoText: string | undefined) {
  let info: Record<string, { filename?: string; name?: string; type?: string }> = {};
  try {
    info = infoText ? (JSON.parse(infoText) as typeof info) : {};
  } catch {
    throw new HttpError(400, 'attachment-info must be JSON.', 'invalid_request');
  }
  const files: IncomingAttachment[] = [];
  // forEach rather than entries(): the DOM library's FormData type (seen by packages compiling
  // this file with it) has no iterator unless DOM.Iterable is also loaded.
  const entries: [string, string | File][] = [];
  form.forEach((value, key) => entries.push([key, value]));
  for (const [key, value] of entries) {
    if (typeof value === 'string' || !/^attachment\d+$/.test(key)) continue;
    const described = info[key] ?? {};
    files.push(
      inHand(
        described.filename ?? described.name ?? value.name,
        described.type ?? value.type,
        Buffer.from(await value.arrayBuffer()),
      ),
    );
  }
  return files;
}

/** "Ann <a@x>, b@y": a header's addresses, split outside quotes and angle brackets. */
function splitAddresses(header: string | undefined): string[] {
  return (header ?? '').match(/(?:"[^"]*"|<[^>]*>|[^,])+/g)?.map((part) => part.trim()) ?? [];
}

function envelopeRecipients(envelope: string | undefined): string[] {
  try {
    const to = (JSON.parse(envelope ?? '{}') as { to?: unknown }).to;
    return Array.isArray(to) ? to.filter((a): a is string => typeof a === 'string') : [];
  } catch {
    return [];
  }
}

/** An HTML-only email's text without the tags. */
export function htmlAsText(html: string): string {
  return html.replace(/<br\s*\/?>|<\/p>/gi, '\n').replace(/<[^>]+>/g, '');
}
