import { createHmac, timingSafeEqual } from 'node:crypto';
import type { OpenableSource } from '@replyline/ai';
import {
  asTenantId,
  purposeKey,
  schema,
  withTenant,
  type Database,
  type TenantId,
} from '@replyline/db';
import { and, eq, sql } from 'drizzle-orm';
import { DomainError } from '../domain-error';

const { documentFiles, documents, messages } = schema;

/** How long a PDF source link opens: long enough to read, too short to pass around. */
export const SOURCE_LINK_LIFETIME_MS = 60 * 60 * 1000;
/** Where the API serves the PDF viewer; the link's token follows. */
export const SOURCE_VIEWER_PATH = '/sources/';

/** Whose conversation a source was shown in: the only one its link opens it for. */
export interface SourceScope {
  tenantId: TenantId;
  conversationId: string;
}

/** What a signed source link names: one page of one document cited in one conversation. */
export interface SourceLinkClaims extends SourceScope {
  documentId: string;
  page: number | null;
}

/** How the widget opens a source, beside its title and page. */
export interface SourceOpening {
  kind: 'web' | 'faq' | 'pdf' | 'document';
  /** A web page at the quoted sentence, or a PDF's viewer (signed, short-lived); else null. */
  url: string | null;
  /** FAQ entries: the whole answer (Markdown); else null. */
  answer: string | null;
}

/**
 * How a stored source opens for the customer of `scope`. A PDF's link is signed for that
 * conversation only; sources stored before sources could be opened are plain text.
 */
export function sourceOpening(source: OpenableSource, scope: SourceScope | null): SourceOpening {
  const kind = source.kind ?? 'document';
  if (kind === 'pdf' && scope)
    return {
      kind,
      url: sourceViewerUrl({ ...scope, documentId: source.documentId, page: source.page }),
      answer: null,
    };
  return { kind, url: kind === 'web' ? (source.url ?? null) : null, answer: source.answer ?? null };
}

/** The viewer's address (relative: the widget is served from the API's own origin). */
export function sourceViewerUrl(claims: SourceLinkClaims, now = Date.now()): string {
  return `${SOURCE_VIEWER_PATH}${issueSourceLink(claims, now)}`;
}

interface TokenBody {
  t: string;
  c: string;
  d: string;
  p: number | null;
  e: number;
}

export function issueSourceLink(claims: SourceLinkClaims, now = Date.now()): string {
  const body: TokenBody = {
    t: claims.tenantId,
    c: claims.conversationId,
    d: claims.documentId,
    p: claims.page,
    e: now + SOURCE_LINK_LIFETIME_MS,
  };
  const encoded = Buffer.from(JSON.stringify(body)).toString('base64url');
  return `sl1.${encoded}.${sign(encoded)}`;
}

/** The link's claims; forbidden when it was not signed here or has expired. */
export function readSourceLink(token: string, now = Date.now()): SourceLinkClaims {
  const [version, encoded, signature] = token.split('.');
  if (version !== 'sl1' || !encoded || !signature || !sameSignature(signature, sign(encoded)))
    throw new DomainError('forbidden', 'This link to a source is not valid.');
  const body = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as TokenBody;
  if (!(body.e >= now))
    throw new DomainError(
      'forbidden',
      'This link to a source has expired. Open the source again from the chat.',
    );
  return {
    tenantId: asTenantId(body.t),
    conversationId: body.c,
    documentId: body.d,
    page: body.p,
  };
}

export interface CitedPdf {
  title: string;
  page: number | null;
  /** The sentence the answer used, for the viewer to mark. */
  quote: string;
}

/**
 * The cited PDF a link names, checked against the conversation: some answer in it must cite
 * that document on that page. not_found otherwise (deleted since, or never cited there).
 */
export async function findCitedPdf(db: Database, claims: SourceLinkClaims): Promise<CitedPdf> {
  return withTenant(db, claims.tenantId, async (tx) => {
    const cited = sql`${messages.sources} @> ${JSON.stringify([
      { documentId: claims.documentId, page: claims.page },
    ])}::jsonb`;
    const [message] = await tx
      .select({ sources: messages.sources })
      .from(messages)
      .where(
        and(
          eq(messages.tenantId, claims.tenantId),
          eq(messages.conversationId, claims.conversationId),
          eq(messages.role, 'assistant'),
          cited,
        ),
      )
      .limit(1);
    const [document] = await tx
      .select({ title: documents.title, kind: documents.kind })
      .from(documents)
      .where(and(eq(documents.tenantId, claims.tenantId), eq(documents.id, claims.documentId)));
    if (!message || !document || document.kind !== 'pdf') throw sourceGone();
    const source = (message.sources as OpenableSource[]).find(
      (s) => s.documentId === claims.documentId && s.page === claims.page,
    );
    return { title: document.title, page: claims.page, quote: source?.quote ?? '' };
  });
}

/** The cited PDF's bytes, after the same check as `findCitedPdf`. */
export async function citedPdfBytes(db: Database, claims: SourceLinkClaims): Promise<Buffer> {
  await findCitedPdf(db, claims);
  const [file] = await withTenant(db, claims.tenantId, (tx) =>
    tx
      .select({ bytes: documentFiles.bytes })
      .from(documentFiles)
      .where(
        and(
          eq(documentFiles.tenantId, claims.tenantId),
          eq(documentFiles.documentId, claims.documentId),
        ),
      ),
  );
  if (!file) throw sourceGone();
  return file.bytes;
}

const sourceGone = () => new DomainError('not_found', 'This source is not available (any more).');

function sign(encoded: string): string {
  return createHmac('sha256', purposeKey('source-link')).update(encoded).digest('base64url');
}

function sameSignature(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
