import { schema, withTenant, type TenantId } from '@replyline/db';
import { openTestDatabase, type TestDatabase } from '@replyline/db/testing';
import { processDocument } from '@replyline/rag';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { knowledgeDeps } from '@replyline/core/knowledge';
import { uploadDocument } from '@replyline/core/knowledge';
import { auditEntries, callerWith, recordingEnqueue } from '../testing/callers';
import { newMember, newWorkspace } from '../testing';

// A moving company's FAQ, like the demo workspace's.
const DEMO_FAQ_MARKDOWN = `# Northwind Movers FAQ

## How much does a move cost?
Local moves are billed by the hour: 2 movers and a truck cost $129 per hour, with a 3-hour minimum.

## Can I reschedule or cancel my move?
Yes. Rescheduling is free up to 7 days before moving day.

## Do you move pianos and other heavy items?
Yes. Upright pianos are $250 and grand pianos $450 within the city.

## Do you sell boxes and packing materials?
Yes. A packing kit for a one-bedroom home is $89, delivered free with any booking.
`;

let t: TestDatabase;
const queue = recordingEnqueue();

beforeAll(async () => {
  t = await openTestDatabase();
}, 120_000);
afterAll(async () => t?.close());

async function workspace() {
  const { tenantId } = await newWorkspace(t.db, 'Northwind Movers');
  const ids = {
    admin: await newMember(t.db, tenantId, 'admin'),
    agent: await newMember(t.db, tenantId, 'agent'),
  };
  const as = (userId: string, services = { enqueue: queue.enqueue }) =>
    callerWith(t.db, userId, tenantId, services);
  return { tenantId, ids, as };
}

async function failure(promise: Promise<unknown>) {
  return promise.then(
    () => ({ code: 'allowed', message: '' }),
    (e: { code: string; message: string }) => ({ code: e.code, message: e.message }),
  );
}

const count = (
  tenantId: TenantId,
  table:
    | typeof schema.faqEntries
    | typeof schema.documents
    | typeof schema.conversations
    | typeof schema.messages,
) => withTenant(t.db, tenantId, (tx) => tx.$count(table, eq(table.tenantId, tenantId)));

describe('FAQ import', () => {
  it('imports Markdown "## question" sections, searchable at once', async () => {
    const { tenantId, ids, as } = await workspace();
    await expect(
      as(ids.admin).knowledge.importFaq({
        format: 'markdown',
        content: DEMO_FAQ_MARKDOWN,
        filename: 'faq.md',
      }),
    ).resolves.toMatchObject({ added: 4, duplicates: 0 });
    const entries = await as(ids.agent).knowledge.faqEntries();
    expect(entries.map((e) => e.question)).toEqual([
      'Can I reschedule or cancel my move?',
      'Do you move pianos and other heavy items?',
      'Do you sell boxes and packing materials?',
      'How much does a move cost?',
    ]);
    expect(
      (await as(ids.agent).knowledge.list()).every((d) => d.kind === 'faq' && d.status === 'ready'),
    ).toBe(true);
    expect((await auditEntries(t.db, tenantId))[0]).toMatchObject({
      action: 'knowledge.faq_imported',
      details: { format: 'markdown', filename: 'faq.md', added: 4 },
    });
  });

  it('imports CSV with question,answer columns, quoted commas and line breaks included', async () => {
    const { ids, as } = await workspace();
    const csv =
      'question,answer\n"Do you work weekends?","Yes, Saturdays 9-15."\nWhere are you based?,"Oslo.\nAnd Bergen."\n';
    await expect(
      as(ids.admin).knowledge.importFaq({ format: 'csv', content: csv }),
    ).resolves.toMatchObject({
      added: 2,
    });
    expect(await as(ids.agent).knowledge.faqEntries()).toEqual([
      expect.objectContaining({
        question: 'Do you work weekends?',
        answer: 'Yes, Saturdays 9-15.',
      }),
      expect.objectContaining({ question: 'Where are you based?', answer: 'Oslo.\nAnd Bergen.' }),
    ]);
  });

  it('refuses malformed files with a reason and adds nothing from them', async () => {
    const { tenantId, ids, as } = await workspace();
    const bad = [
      {
        format: 'csv',
        content: 'question,answer\n"Unclosed quote,answer\n',
        reason: /CSV could not be read/,
      },
      {
        format: 'csv',
        content:
          'question,answer\nDo you move pianos?,Yes.\nDo you sell boxes?,\nDo you store?,Yes.\n',
        reason: /row 3: an answer cannot be empty/,
      },
      {
        format: 'markdown',
        content: 'Just some text without headings.',
        reason: /No FAQ entries found/,
      },
      {
        format: 'markdown',
        content: '## Ok question?\nAnswer.\n## ?\nShort question.',
        reason: /entry 2/,
      },
    ] as const;
    for (const file of bad) {
      const refused = await failure(
        as(ids.admin).knowledge.importFaq({ format: file.format, content: file.content }),
      );
      expect(refused.code, file.content).toBe('BAD_REQUEST');
      expect(refused.message).toMatch(file.reason);
    }
    expect(await count(tenantId, schema.faqEntries)).toBe(0);
    expect(await count(tenantId, schema.documents)).toBe(0);
  });

  it('refuses agents', async () => {
    const { ids, as } = await workspace();
    expect(
      (
        await failure(
          as(ids.agent).knowledge.importFaq({ format: 'markdown', content: DEMO_FAQ_MARKDOWN }),
        )
      ).code,
    ).toBe('FORBIDDEN');
    expect(
      (
        await failure(
          as(ids.agent).knowledge.addFaq({ entries: [{ question: 'Why?', answer: 'Because.' }] }),
        )
      ).code,
    ).toBe('FORBIDDEN');
  });
});

describe('FAQ editor', () => {
  it('adds, edits and deletes entries, and search follows', async () => {
    const { tenantId, ids, as } = await workspace();
    const admin = as(ids.admin);
    await admin.knowledge.addFaq({
      entries: [{ question: 'Do you move pianos?', answer: 'Yes, for $250.' }],
    });
    const [entry] = await admin.knowledge.faqEntries();
    const updated = await admin.knowledge.updateFaq({
      faqEntryId: entry!.id,
      entry: { question: 'Do you move pianos?', answer: 'Yes, upright pianos for $300.' },
    });
    const passages = (await admin.knowledge.playground({ question: 'piano moving price' }))
      .passages;
    expect(passages.map((p) => p.content)).toEqual(['Yes, upright pianos for $300.']);
    await admin.knowledge.deleteFaq({ faqEntryId: updated.faqEntryId });
    expect(await admin.knowledge.faqEntries()).toEqual([]);
    expect(await count(tenantId, schema.documents)).toBe(0);
    expect(
      (await failure(admin.knowledge.deleteFaq({ faqEntryId: updated.faqEntryId }))).code,
    ).toBe('NOT_FOUND');
    expect((await auditEntries(t.db, tenantId)).map((e) => e.action).slice(0, 3)).toEqual([
      'knowledge.faq_deleted',
      'knowledge.faq_updated',
      'knowledge.faq_added',
    ]);
  });

  it('refuses an entry without an answer', async () => {
    const { ids, as } = await workspace();
    expect(
      (
        await failure(
          as(ids.admin).knowledge.addFaq({ entries: [{ question: 'Why?', answer: ' ' }] }),
        )
      ).code,
    ).toBe('BAD_REQUEST');
  });
});

describe('documents', () => {
  it('queues a text document, shows its progress, and deletes it', async () => {
    const { tenantId, ids, as } = await workspace();
    const before = queue.jobs.length;
    const added = await as(ids.admin).knowledge.addText({
      title: 'Terms of service',
      text: '# Terms\n\n## Damage\nReport damage within 14 days, with photos.',
      format: 'markdown',
    });
    expect(added).toMatchObject({ status: 'queued', duplicate: false });
    expect(queue.jobs.slice(before)).toEqual([
      expect.objectContaining({
        queue: 'ingest-document',
        data: { tenantId, documentId: added.documentId },
      }),
    ]);
    expect(await as(ids.agent).knowledge.get({ documentId: added.documentId })).toMatchObject({
      title: 'Terms of service',
      status: 'queued',
      pagesDone: 0,
    });

    await processDocument(knowledgeDeps({ db: t.db }), tenantId, added.documentId);
    expect(await as(ids.agent).knowledge.list()).toEqual([
      expect.objectContaining({ id: added.documentId, status: 'ready', chunkCount: 1 }),
    ]);

    await as(ids.admin).knowledge.reingest({ documentId: added.documentId });
    expect(queue.jobs.at(-1)).toMatchObject({
      queue: 'ingest-document',
      data: { documentId: added.documentId },
    });

    await as(ids.admin).knowledge.delete({ documentId: added.documentId });
    expect(await as(ids.agent).knowledge.list()).toEqual([]);
    expect(
      (await failure(as(ids.admin).knowledge.delete({ documentId: added.documentId }))).code,
    ).toBe('NOT_FOUND');
    expect((await auditEntries(t.db, tenantId))[0]).toMatchObject({
      action: 'knowledge.document_deleted',
      details: { title: 'Terms of service' },
    });
  });

  it('shows a document page by page, searches within it, renames it, and keeps others out', async () => {
    const { tenantId, ids, as } = await workspace();
    const sections = Array.from(
      { length: 30 },
      (_, i) =>
        `## Room ${i + 1}\n\nRoom ${i + 1} is packed in ${i + 2} boxes.${i === 17 ? ' The grand piano needs a crane.' : ''}`,
    ).join('\n\n');
    const added = await as(ids.admin).knowledge.addText({
      title: 'Packing guide',
      text: `# Packing guide\n\n${sections}`,
      format: 'markdown',
    });
    await processDocument(knowledgeDeps({ db: t.db }), tenantId, added.documentId);
    const documentId = added.documentId;

    const outline = await as(ids.agent).knowledge.sections({ documentId });
    expect(outline.length).toBeGreaterThan(1);
    expect(outline.map((s) => s.heading)).toContain('Room 18');
    const first = await as(ids.agent).knowledge.passages({ documentId });
    expect(first.page).toBe(1);
    expect(first.total).toBe(outline.reduce((sum, s) => sum + s.passages, 0));
    const last = await as(ids.agent).knowledge.passages({ documentId, page: first.pageCount });
    expect(last.passages.length).toBeGreaterThan(0);
    expect(last.passages.at(-1)!.content).toMatch(/Room 30/);

    const found = await as(ids.agent).knowledge.passages({ documentId, search: 'GRAND crane' });
    expect(found.total).toBe(1);
    expect(found.passages[0]!.content).toMatch(/grand piano needs a crane/);
    expect((await as(ids.agent).knowledge.passages({ documentId, search: '100%' })).total).toBe(0);

    await as(ids.admin).knowledge.rename({ documentId, title: '  Packing guide 2027 ' });
    expect(await as(ids.agent).knowledge.get({ documentId })).toMatchObject({
      title: 'Packing guide 2027',
    });
    expect((await auditEntries(t.db, tenantId))[0]).toMatchObject({
      action: 'knowledge.document_renamed',
      details: { from: 'Packing guide', to: 'Packing guide 2027' },
    });
    expect(
      (await failure(as(ids.agent).knowledge.rename({ documentId, title: 'Mine' }))).code,
    ).toBe('FORBIDDEN');
    expect((await failure(as(ids.admin).knowledge.rename({ documentId, title: ' ' }))).code).toBe(
      'BAD_REQUEST',
    );

    const other = await workspace();
    expect((await failure(other.as(other.ids.agent).knowledge.passages({ documentId }))).code).toBe(
      'NOT_FOUND',
    );
    expect(
      (await failure(other.as(other.ids.admin).knowledge.rename({ documentId, title: 'Taken' })))
        .code,
    ).toBe('NOT_FOUND');
    expect(await as(ids.agent).knowledge.get({ documentId })).toMatchObject({
      title: 'Packing guide 2027',
    });
  });

  it('stores nothing when no queue would process it', async () => {
    const { tenantId, ids, as } = await workspace();
    const refused = await failure(
      as(ids.admin, {} as never).knowledge.addText({ title: 'T', text: 'Text.', format: 'text' }),
    );
    expect(refused.code).toBe('PRECONDITION_FAILED');
    expect(await count(tenantId, schema.documents)).toBe(0);
  });

  it('does not re-ingest FAQ entries, and refuses agents', async () => {
    const { ids, as } = await workspace();
    const { documentIds } = await as(ids.admin).knowledge.addFaq({
      entries: [{ question: 'Do you move pianos?', answer: 'Yes.' }],
    });
    expect(
      (await failure(as(ids.admin).knowledge.reingest({ documentId: documentIds[0]! }))).message,
    ).toMatch(/edit the entry/);
    expect(
      (await failure(as(ids.agent).knowledge.delete({ documentId: documentIds[0]! }))).code,
    ).toBe('FORBIDDEN');
    expect(
      (
        await failure(
          as(ids.agent).knowledge.addText({ title: 'T', text: 'Text.', format: 'text' }),
        )
      ).code,
    ).toBe('FORBIDDEN');
  });
});

describe('uploadDocument', () => {
  const pdf = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

  it('queues a PDF uploaded by an admin', async () => {
    const { tenantId, ids } = await workspace();
    const added = await uploadDocument({
      db: t.db,
      enqueue: queue.enqueue,
      tenantId,
      userId: ids.admin,
      filename: 'C:\\Users\\kari\\Price list.pdf',
      bytes: pdf,
    });
    expect(added).toMatchObject({ status: 'queued', duplicate: false, error: null });
    expect(queue.jobs.at(-1)).toMatchObject({
      queue: 'ingest-document',
      data: { documentId: added.documentId },
    });
    const [doc] = await callerWith(t.db, ids.agent, tenantId).knowledge.list();
    expect(doc).toMatchObject({ title: 'Price list', kind: 'pdf', status: 'queued' });
    expect((await auditEntries(t.db, tenantId))[0]).toMatchObject({
      action: 'knowledge.pdf_uploaded',
      details: { filename: 'Price list.pdf' },
    });
  });

  it('says why a file is refused: not a PDF, empty, too large, or not allowed', async () => {
    const { tenantId, ids } = await workspace();
    const upload = (bytes: Uint8Array, extra: object = {}) =>
      failure(
        uploadDocument({
          db: t.db,
          enqueue: queue.enqueue,
          tenantId,
          userId: ids.admin,
          filename: 'a.pdf',
          bytes,
          ...extra,
        }),
      );
    expect(await upload(Buffer.from('PK\u0003\u0004 a zip file'))).toEqual({
      code: 'unsupported_media_type',
      message:
        '"a.pdf" is not a PDF. Upload PDF, Word (.docx), HTML, Markdown or plain-text files.',
    });
    expect((await upload(new Uint8Array())).code).toBe('bad_input');
    expect((await upload(pdf, { userId: ids.agent })).code).toBe('forbidden');
    const outsider = await newMember(t.db, (await newWorkspace(t.db)).tenantId, 'owner');
    expect((await upload(pdf, { userId: outsider })).code).toBe('forbidden');

    const big = await uploadDocument({
      db: t.db,
      enqueue: queue.enqueue,
      tenantId,
      userId: ids.admin,
      filename: 'big.pdf',
      bytes: Buffer.concat([pdf, Buffer.alloc(2048)]),
      limits: { maxBytes: 1024 },
    });
    expect(big).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/the limit is 1 KB/i),
    });
  });
});

describe('knowledge.playground', () => {
  it('answers from the FAQ and shows the passages used with their scores, storing nothing', async () => {
    const { tenantId, ids, as } = await workspace();
    await as(ids.admin).knowledge.importFaq({ format: 'markdown', content: DEMO_FAQ_MARKDOWN });
    const result = await as(ids.agent).knowledge.playground({
      question: 'Can you move my upright piano?',
    });

    expect(result.model).toBe('extractive');
    expect(result.language).toBe('en');
    const [top] = result.passages;
    expect(top).toMatchObject({
      n: 1,
      documentTitle: 'Do you move pianos and other heavy items?',
      documentKind: 'faq',
      cited: true,
    });
    expect(top!.score).toBeGreaterThan(0);
    expect(top!.lexicalScore).toBeGreaterThan(0);
    const scores = result.passages.map((p) => p.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(result.answer).toContain('$250');
    expect(result.answer).toContain('[1]');
    expect(await count(tenantId, schema.conversations)).toBe(0);
    expect(await count(tenantId, schema.messages)).toBe(0);
  });

  it("says it doesn't know when nothing matches", async () => {
    const { ids, as } = await workspace();
    const result = await as(ids.agent).knowledge.playground({ question: 'Do you sell cars?' });
    expect(result.passages).toEqual([]);
    expect(result.answer.length).toBeGreaterThan(0);
  });

  it('refuses an empty question', async () => {
    const { ids, as } = await workspace();
    expect((await failure(as(ids.agent).knowledge.playground({ question: ' \u200b ' }))).code).toBe(
      'BAD_REQUEST',
    );
  });
});

describe('knowledge website sources', () => {
  it('adds a site and queues its crawl, lists it for agents, and says why an address is refused', async () => {
    const { tenantId, ids, as } = await workspace();
    const added = await as(ids.admin).knowledge.addWebsite({
      url: 'shop.example.com/help',
      schedule: 'daily',
      exclude: ['/help/old/*'],
    });
    expect(added).toMatchObject({
      startUrl: 'https://shop.example.com/help',
      status: 'queued',
      schedule: 'daily',
      excludePatterns: ['/help/old/*'],
    });
    expect(queue.jobs.at(-1)).toMatchObject({
      queue: 'crawl-website',
      data: { tenantId, sourceId: added.id },
    });
    expect(await as(ids.agent).knowledge.websites()).toMatchObject([{ id: added.id }]);
    expect(await as(ids.agent).knowledge.website({ sourceId: added.id })).toMatchObject({
      pages: [],
    });
    expect(await failure(as(ids.admin).knowledge.addWebsite({ url: 'mailto:a@b.c' }))).toEqual({
      code: 'BAD_REQUEST',
      message: 'The website address must be a web address, like https://example.com.',
    });
    expect(
      (await failure(as(ids.admin).knowledge.addWebsite({ url: 'https://shop.example.com/help' })))
        .code,
    ).toBe('BAD_REQUEST');
    await expect(as(ids.admin).knowledge.deleteWebsite({ sourceId: added.id })).resolves.toEqual({
      deleted: true,
    });
    expect(
      (await failure(as(ids.admin).knowledge.recrawlWebsite({ sourceId: added.id }))).code,
    ).toBe('NOT_FOUND');
  });
});
