import { createRoute } from '@hono/zod-openapi';
import { isDomainError, HTTP_STATUS_OF } from '@replyline/core';
import {
  DEFAULT_ATTACHMENT_LIMITS,
  receiveTicketReply,
  verifySvixSignature,
  type AttachmentLimits,
  type InboundEmail,
} from '@replyline/core/email-replies';
import type { Database } from '@replyline/db';
import { readReceivedEmail } from '@replyline/email/inbound';
import { timingSafeEqual } from 'node:crypto';
import { errorResponse } from '../contract/responses';
import { HttpError, readBody, sendJson } from '../http';
import { documentedRoute, type Route } from '../router';
import { htmlAsText, parseInboundPost } from './inbound-email-formats';

/** Resend's event is metadata only (the email and its files are read back from Resend). */
const MAX_EVENT_BYTES = 256 * 1024;

/**
 * An inbound-parse post carries the files: base64 (a third larger) in JSON, plus the text. A post
 * over this is refused whole (413); files within it but over the caps are named in a note.
 */
const parseBodyLimit = (limits: AttachmentLimits) =>
  Math.ceil(limits.maxEmailBytes * 1.4) + 2 * 1024 * 1024;

export interface InboundEmailOptions {
  /** Resend's `email.received` webhook: its signing secret and a reader of the email's body. */
  resend: {
    signingSecret: string;
    readEmail: (emailId: string) => Promise<Omit<InboundEmail, 'deliveryId'>>;
  } | null;
  /** The basic-auth password of the inbound-parse webhook (Postmark-style JSON); null: off. */
  parseSecret: string | null;
  /** The reply addresses' domain (INBOUND_EMAIL_DOMAIN). */
  domain: string;
  /** How large kept files may be (INBOUND_ATTACHMENT_MAX_FILE_BYTES / _EMAIL_BYTES). */
  attachmentLimits?: AttachmentLimits;
}

const resendInbound = createRoute({
  method: 'post',
  path: '/v1/email/inbound/resend',
  summary: 'Resend inbound email webhook (for Resend only)',
  description:
    'Resend’s `email.received` event, checked with its svix-id, svix-timestamp and svix-signature headers on the raw body (five minutes’ tolerance). The email is read from Resend and threaded into the ticket its signed reply address names; a delivery is threaded once.',
  responses: {
    200: { description: 'Threaded, a duplicate, or not for a ticket (status says which)' },
    401: errorResponse('Missing, forged, tampered or stale signature'),
    503: errorResponse('Inbound email is not configured'),
  },
});

const parseInbound = createRoute({
  method: 'post',
  path: '/v1/email/inbound/parse',
  summary: 'Inbound-parse email webhook (Postmark JSON or SendGrid multipart, basic auth)',
  description:
    'A received email as inbound-parse providers post it, with the configured password in basic auth: Postmark’s JSON (ToFull, CcFull, From, Subject, TextBody, MessageID, Attachments with base64 Content) or SendGrid’s multipart form (from, to, cc, subject, text, headers, envelope, attachment-info and the files attachment1…N). Threaded into the ticket its signed reply address names with its allowed attachments (the others named in a note); a delivery is threaded once.',
  responses: {
    200: { description: 'Threaded, a duplicate, or not for a ticket (status says which)' },
    400: errorResponse('Not a JSON or multipart email'),
    413: errorResponse('The post is larger than the attachment caps allow'),
    401: errorResponse('Missing or wrong credentials'),
    503: errorResponse('Inbound email is not configured'),
  },
});

export function inboundEmailRoutes(options: InboundEmailOptions): Route[] {
  const limits = options.attachmentLimits ?? DEFAULT_ATTACHMENT_LIMITS;
  const thread = (db: Database, email: InboundEmail) =>
    threadReply(db, email, { domain: options.domain, attachmentLimits: limits });
  return [
    documentedRoute(resendInbound, {
      handle: async ({ req, res, app, log }) => {
        if (!options.resend)
          throw new HttpError(
            503,
            'Set RESEND_INBOUND_SECRET and RESEND_API_KEY to receive email replies from Resend.',
            'inbound_not_configured',
          );
        const rawBody = (await readBody(req, MAX_EVENT_BYTES)).toString('utf8');
        const deliveryId = checked(() =>
          verifySvixSignature(options.resend!.signingSecret, req.headers, rawBody),
        );
        const event = JSON.parse(rawBody) as { type?: string; data?: { email_id?: string } };
        if (event.type !== 'email.received' || !event.data?.email_id)
          return sendJson(res, 200, { status: 'ignored' });
        const email = await options.resend.readEmail(event.data.email_id);
        const outcome = await thread(app.db, { ...email, deliveryId: `resend:${deliveryId}` });
        log.info({ inbound: 'resend', status: outcome.status }, 'inbound email');
        sendJson(res, 200, outcome);
      },
    }),
    documentedRoute(parseInbound, {
      handle: async ({ req, res, app, log }) => {
        if (!options.parseSecret)
          throw new HttpError(
            503,
            'Set INBOUND_PARSE_SECRET to receive email replies through an inbound-parse webhook.',
            'inbound_not_configured',
          );
        if (!basicAuthMatches(req.headers.authorization, options.parseSecret)) {
          res.setHeader('www-authenticate', 'Basic realm="inbound email"');
          throw new HttpError(
            401,
            'The inbound email webhook needs its username and password.',
            'unauthenticated',
          );
        }
        const email = await parseInboundPost(
          req.headers['content-type'] ?? '',
          await readBody(req, parseBodyLimit(limits)),
        );
        const outcome = await thread(app.db, email);
        log.info({ inbound: 'parse', status: outcome.status }, 'inbound email');
        sendJson(res, 200, outcome);
      },
    }),
  ];
}

/** A signature problem is a 401 in words; anything else is the server's own failure. */
function checked<T>(verify: () => T): T {
  try {
    return verify();
  } catch (error) {
    if (isDomainError(error)) throw new HttpError(401, error.message, 'invalid_signature');
    throw error;
  }
}

/**
 * Threads the reply. Mail that names no ticket (a wrong or forged address, a deleted ticket)
 * is answered 200 with the reason, so the provider does not deliver it again and again.
 */
async function threadReply(
  db: Database,
  email: InboundEmail,
  options: { domain: string; attachmentLimits: AttachmentLimits },
) {
  try {
    return await receiveTicketReply(db, email, options);
  } catch (error) {
    if (isDomainError(error) && HTTP_STATUS_OF[error.code] < 500)
      return { status: 'unmatched', reason: error.message };
    throw error;
  }
}

/** `Basic base64(user:password)`: any user name, the configured password, compared in constant time. */
function basicAuthMatches(header: string | undefined, secret: string): boolean {
  const encoded = /^Basic\s+(.+)$/i.exec(header ?? '')?.[1];
  if (!encoded) return false;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const password = Buffer.from(decoded.slice(decoded.indexOf(':') + 1));
  const expected = Buffer.from(secret);
  return password.length === expected.length && timingSafeEqual(password, expected);
}

/** Reads a received email from Resend; an HTML-only email gives its text without the tags. */
export function resendEmailReader(options: { apiKey: string; baseUrl?: string }) {
  return async (emailId: string): Promise<Omit<InboundEmail, 'deliveryId'>> => {
    const email = await readReceivedEmail(options, emailId);
    const text = email.text ?? htmlAsText(email.html ?? '');
    return {
      to: email.to,
      from: email.from,
      subject: email.subject,
      text,
      attachments: email.attachments,
    };
  };
}
