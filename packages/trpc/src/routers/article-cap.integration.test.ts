// Free's "Up to 50 help articles", kept: every way an article is added stops at the cap, an
// import is all or nothing, and a workspace over the cap after a downgrade keeps what it has.
import { planById, type PlanId } from '@replyline/billing';
import { schema, withTenant, type TenantDb, type TenantId } from '@replyline/db';
import { openTestDatabase, type TestDatabase } from '@replyline/db/testing';
import { addTextDocument } from '@replyline/rag';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newMember, newWorkspace } from '../testing';
import { callerWith, recordingEnqueue } from '../testing/callers';
import { helpArticleCap } from '@replyline/core/knowledge';
import { uploadDocument } from '@replyline/core/knowledge';
import { toTRPCError } from '../error-codes';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
}, 120_000);
afterAll(async () => t?.close());

const FREE_CAP = planById('free').helpArticles as number;

async function workspaceOn(plan: PlanId) {
  const { tenantId } = await newWorkspace(t.db, `Articles on ${plan}`);
  await t.db.update(schema.tenants).set({ plan }).where(eq(schema.tenants.id, tenantId));
  const admin = await newMember(t.db, tenantId, 'admin');
  const queue = recordingEnqueue();
  const caller = callerWith(t.db, admin, tenantId, { enqueue: queue.enqueue });
  return { tenantId, admin, queue, caller };
}

const entries = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => ({
    question: `Question number ${from + i}?`,
    answer: `Answer ${from + i}.`,
  }));

const articles = (tenantId: TenantId) =>
  withTenant(t.db, tenantId, (tx) =>
    tx.$count(schema.documents, eq(schema.documents.tenantId, tenantId)),
  );

/** What the dashboard hears: a domain function called directly is mapped as its router would. */
async function outcome(promise: Promise<unknown>) {
  return promise.then(
    () => ({ code: 'allowed', message: '' }),
    (e: unknown) => {
      const { code, message } = (toTRPCError(e) ?? e) as { code: string; message: string };
      return { code, message };
    },
  );
}

/** Every way the dashboard adds one help article. */
function addOne(w: Awaited<ReturnType<typeof workspaceOn>>, tag: string) {
  return {
    addFaq: () =>
      w.caller.knowledge.addFaq({ entries: [{ question: `New ${tag}?`, answer: 'A.' }] }),
    importFaq: () =>
      w.caller.knowledge.importFaq({ format: 'markdown', content: `## Imported ${tag}?\nYes.\n` }),
    addText: () =>
      w.caller.knowledge.addText({
        title: `Policy ${tag}`,
        text: `Returns ${tag}.`,
        format: 'text',
      }),
    uploadDocument: () =>
      uploadDocument({
        db: t.db,
        enqueue: w.queue.enqueue,
        tenantId: w.tenantId,
        userId: w.admin,
        filename: `${tag}.pdf`,
        bytes: Buffer.from(`%PDF-1.4 price list ${tag}`),
      }),
    turnIntoFaq: () =>
      w.caller.analytics.turnIntoFaq({ question: `Unanswered ${tag}?`, answer: 'Now answered.' }),
  };
}

describe('help articles on Free', () => {
  it(`takes ${FREE_CAP} and refuses the next one on every path, naming the limit`, async () => {
    const w = await workspaceOn('free');
    await w.caller.knowledge.addFaq({ entries: entries(FREE_CAP - 1) });
    await w.caller.knowledge.addText({ title: 'Terms', text: 'Our terms.', format: 'text' });
    expect(await articles(w.tenantId)).toBe(FREE_CAP);
    const jobs = w.queue.jobs.length;
    for (const [path, add] of Object.entries(addOne(w, 'over'))) {
      expect(await outcome(add()), path).toEqual({
        code: 'PAYMENT_REQUIRED',
        message:
          'The Free plan includes up to 50 help articles (FAQ entries and documents together), and this workspace has 50. Those stay; to add more, remove some or upgrade to Pro in Billing.',
      });
    }
    expect(await articles(w.tenantId)).toBe(FREE_CAP);
    expect(w.queue.jobs).toHaveLength(jobs);
  });

  it('refuses an import that would pass the cap as a whole, and takes one that fits', async () => {
    const w = await workspaceOn('free');
    await w.caller.knowledge.addFaq({ entries: entries(48) });
    const file = (n: number) =>
      entries(n, 100)
        .map((e) => `## ${e.question}\n${e.answer}\n`)
        .join('\n');
    expect(
      await outcome(w.caller.knowledge.importFaq({ format: 'markdown', content: file(4) })),
    ).toEqual({
      code: 'PAYMENT_REQUIRED',
      message:
        'The Free plan includes up to 50 help articles (FAQ entries and documents together); this workspace has 48, and these 4 would make 52. Add fewer, remove some or upgrade to Pro in Billing.',
    });
    expect(await articles(w.tenantId)).toBe(48);
    const fits = await w.caller.knowledge.importFaq({ format: 'markdown', content: file(2) });
    expect(fits).toMatchObject({ added: 2, duplicates: 0 });
    expect(await articles(w.tenantId)).toBe(50);
  });

  it('does not count an entry it already has', async () => {
    const w = await workspaceOn('free');
    await w.caller.knowledge.addFaq({ entries: entries(FREE_CAP) });
    const again = await w.caller.knowledge.addFaq({ entries: entries(1) });
    expect(again).toMatchObject({ added: 0, duplicates: 1 });
  });

  it('lets only one of two additions at once take the last place', async () => {
    const w = await workspaceOn('free');
    await w.caller.knowledge.addFaq({ entries: entries(FREE_CAP - 1) });
    // Both documents are written before either is counted: the race the lock closes. (FAQ
    // entries queue on the search statistics anyway; documents get their chunks later. PGlite
    // runs one transaction at a time, so there the first stops waiting after a while.)
    const bothWritten = barrier(2, 2_000);
    const cap = helpArticleCap(w.tenantId);
    const deps = {
      db: t.db,
      queue: { send: async () => null },
      beforeCommit: async (tx: TenantDb, added: number) => {
        await bothWritten();
        await cap(tx, added);
      },
    };
    const results = await Promise.all(
      ['Returns', 'Shipping'].map((title) =>
        outcome(addTextDocument(deps, w.tenantId, { title, text: `${title}.`, format: 'text' })),
      ),
    );
    expect(results.map((r) => r.code).sort()).toEqual(['PAYMENT_REQUIRED', 'allowed']);
    expect(await articles(w.tenantId)).toBe(FREE_CAP);
  });
});

/** Resolves for everyone once `n` have arrived, or for each after `timeoutMs`. */
function barrier(n: number, timeoutMs: number) {
  let arrived = 0;
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return () => {
    arrived += 1;
    if (arrived === n) open();
    return Promise.race([opened, new Promise((resolve) => setTimeout(resolve, timeoutMs))]);
  };
}

describe('help articles after a downgrade to Free', () => {
  it('keeps every article, allows edits and deletes, and refuses new ones until under the cap', async () => {
    const w = await workspaceOn('pro');
    await w.caller.knowledge.addFaq({ entries: entries(FREE_CAP + 5) });
    await t.db
      .update(schema.tenants)
      .set({ plan: 'free' })
      .where(eq(schema.tenants.id, w.tenantId));

    expect(await articles(w.tenantId)).toBe(FREE_CAP + 5);
    const [first, ...rest] = await w.caller.knowledge.faqEntries();
    await w.caller.knowledge.updateFaq({
      faqEntryId: first!.id,
      entry: { question: 'An edited question?', answer: 'Still here.' },
    });
    expect(await articles(w.tenantId)).toBe(FREE_CAP + 5);
    const refused = await outcome(addOne(w, 'new').addFaq());
    expect(refused.code).toBe('PAYMENT_REQUIRED');
    expect(refused.message).toMatch(/this workspace has 55\. Those stay; to add more/);

    for (const entry of rest.slice(0, 6))
      await w.caller.knowledge.deleteFaq({ faqEntryId: entry.id });
    expect(await articles(w.tenantId)).toBe(FREE_CAP - 1);
    expect((await outcome(addOne(w, 'fits').addFaq())).code).toBe('allowed');
  });
});

describe.each(['pro', 'business'] as const)('help articles on %s', (plan) => {
  it('has no cap', async () => {
    const w = await workspaceOn(plan);
    await w.caller.knowledge.addFaq({ entries: entries(FREE_CAP + 10) });
    for (const [path, add] of Object.entries(addOne(w, 'more')))
      expect((await outcome(add())).code, path).toBe('allowed');
    expect(await articles(w.tenantId)).toBe(FREE_CAP + 15);
  });
});
