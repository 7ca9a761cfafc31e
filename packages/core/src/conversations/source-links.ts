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
import { documentText } from '@replyline/rag';
import { and, eq, sql } from 'drizzle-orm';
import { DomainError } from '../domain-error';

const { documentFiles, documents, messages } = schema;

/** How long a source link opens: long enough to read, too short to pass around. */
export const SOURCE_LINK_LIFETIME_MS = 60 * 60 * 1000;
/** Where the API serves the source viewer; the link's token follows. */
export const SOURCE_VIEWER_PATH = '/sources/';
/** The id of the marked passage on a document's page: the link's fragment scrolls to it. */
export const CITED_PASSAGE_ID = 'cited';

/**
 * Document kinds the viewer shows as text (a PDF is drawn page by page; FAQ entries open in
 * place and web pages at their address).
 */
const READABLE_KINDS: ReadonlySet<string> = new Set(['text', 'markdown', 'docx', 'html']);

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
  /**
   * A web page at the quoted sentence, or the viewer of a PDF or document (signed, short-lived);
   * else null.
   */
  url: string | null;
  /** FAQ entries: the whole answer (Markdown); else null. */
  answer: string | null;
}

/**
 * How a stored source opens for the customer of `scope`. The viewer's link (a PDF's page, a
 * document's text at the quoted passage) is signed for that conversation only; sources stored
 * before sources could be opened (no kind) are plain text.
 */
export function sourceOpening(source: OpenableSource, scope: SourceScope | null): SourceOpening {
  const kind = source.kind ?? 'document';
  if ((source.kind === 'pdf' || source.kind === 'document') && scope) {
    const url = sourceViewerUrl({ ...scope, documentId: source.documentId, page: source.page });
    return { kind, url: kind === 'pdf' ? url : `${url}#${CITED_PASSAGE_ID}`, answer: null };
  }
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

export interface CitedSource {
  /** The document's kind: `pdf` is drawn page by page, the readable kinds shown as text. */
  kind: 'pdf' | 'document';
  title: string;
  page: number | null;
  /** The sentence the answer used, for the viewer to mark. */
  quote: string;
}
export type CitedPdf = CitedSource;

/** A cited document's text, for the viewer to show with the quoted passage marked. */
export interface CitedDocument extends CitedSource {
  /** The stored file's kind (text, markdown, docx, html): plain text keeps its `<` and `#`. */
  documentKind: string;
  /** The text as Markdown-ish lines (headings as `#`), read from the stored original. */
  text: string;
}

/** The cited PDF a link names (see `findCitedSource`); not_found for any other kind. */
export async function findCitedPdf(db: Database, claims: SourceLinkClaims): Promise<CitedSource> {
  const cited = await findCitedSource(db, claims);
  if (cited.kind !== 'pdf') throw sourceGone();
  return cited;
}

/**
 * The cited PDF or readable document a link names, checked against the conversation: some
 * answer in it must cite that document on that page. not_found otherwise (deleted since, never
 * cited there, or a kind the viewer does not show: FAQ entries and web pages open elsewhere).
 */
export async function findCitedSource(
  db: Database,
  claims: SourceLinkClaims,
): Promise<CitedSource> {
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
    const shown = document?.kind === 'pdf' || READABLE_KINDS.has(document?.kind ?? '');
    if (!message || !document || !shown) throw sourceGone();
    const source = (message.sources as OpenableSource[]).find(
      (s) => s.documentId === claims.documentId && s.page === claims.page,
    );
    return {
      kind: document.kind === 'pdf' ? 'pdf' : 'document',
      title: document.title,
      page: claims.page,
      quote: source?.quote ?? '',
    };
  });
}

/** The cited document's text, after the same check as `findCitedSource` (not for PDFs). */
export async function citedDocumentText(
  db: Database,
  claims: SourceLinkClaims,
): Promise<CitedDocument> {
  const cited = await findCitedSource(db, claims);
  if (cited.kind !== 'document') throw sourceGone();
  const file = await storedFile(db, claims);
  return { ...cited, documentKind: file.kind, text: await documentText(file) };
}

/** The cited PDF's bytes, after the same check as `findCitedPdf`. */
export async function citedPdfBytes(db: Database, claims: SourceLinkClaims): Promise<Buffer> {
  await findCitedPdf(db, claims);
  return (await storedFile(db, claims)).bytes;
}

async function storedFile(
  db: Database,
  claims: SourceLinkClaims,
): Promise<{ kind: string; bytes: Buffer }> {
  const [file] = await withTenant(db, claims.tenantId, (tx) =>
    tx
      .select({ kind: documents.kind, bytes: documentFiles.bytes })
      .from(documentFiles)
      .innerJoin(
        documents,
        and(
          eq(documents.tenantId, documentFiles.tenantId),
          eq(documents.id, documentFiles.documentId),
        ),
      )
      .where(
        and(
          eq(documentFiles.tenantId, claims.tenantId),
          eq(documentFiles.documentId, claims.documentId),
        ),
      ),
  );
  if (!file) throw sourceGone();
  return file;
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
