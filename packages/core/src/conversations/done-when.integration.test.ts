import { readFileSync } from 'node:fs';
import { seedDemoTenant, type TenantId } from '@replyline/db';
import { openTestDatabase, type TestDatabase } from '@replyline/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatModelFromEnv, readAiEnv } from '@replyline/ai';
import { addPdf, collect, newTenant, phrasesFor } from '@replyline/ai/testing';
import { evalFile } from '@replyline/rag/testing';
import { newConversation } from './testing/conversations';
import { answerMessage } from './visitor-turn';

// The "done when", with no AI key configured: the product answers from its knowledge.
const pdkids = evalFile('pdfs/pdkids.pdf');
const noKey = chatModelFromEnv(readAiEnv({}));

let t: TestDatabase;
let demo: TenantId;
beforeAll(async () => {
  t = await openTestDatabase();
  demo = (await seedDemoTenant(t.db)).tenantId;
}, 120_000);
afterAll(() => t?.close());

async function ask(tenantId: TenantId, text: string) {
  const conversationId = await newConversation(t, tenantId);
  return collect(answerMessage({ db: t.db, tenantId, conversationId, text, model: noKey }));
}

describe('with no AI key', () => {
  it('uses the extractive answerer', () => {
    expect(noKey.kind).toBe('extractive');
  });

  it.skipIf(!pdkids)(
    'answers from an ingested PDF, streamed, citing the page the story is on',
    async () => {
      const tenantId = await newTenant(t);
      await addPdf(t, tenantId, 'pdkids.pdf', new Uint8Array(readFileSync(pdkids!)));
      const result = await ask(
        tenantId,
        'What do bees do to the drones when cold weather approaches?',
      );
      // One whole sentence of one story now (no second passage stitched on): still streamed.
      expect(result.tokens.length).toBeGreaterThan(10);
      expect(result.text).toContain(
        'as cold weather approaches, they drive from the hives and destroy the drones',
      );
      expect(result.text).toMatch(/\[1\]$/);
      expect(result.sources).toEqual([expect.objectContaining({ title: 'pdkids', page: 10 })]);
      expect(result.done).toMatchObject({
        escalationSuggested: false,
        usage: { model: 'extractive' },
      });

      const who = await ask(tenantId, 'Who compiled PD Kids?');
      expect(who.text).toBe(
        'PD KIDS was compiled by BellonaTimes from public domain texts found in Project Gutenberg and Archive.org. [1]',
      );
      expect(who.sources?.[0]?.page).toBe(55);
    },
  );

  it('answers "Do you move pianos?" from the demo tenant’s FAQ', async () => {
    const result = await ask(demo, 'Do you move pianos?');
    expect(result.text).toBe(
      'Yes. Upright pianos are $250 and grand pianos $450 within the city, including straps, a piano board and two trained movers. Gun safes over 300 kg need a site visit first. [1]',
    );
    expect(result.sources).toEqual([
      expect.objectContaining({ title: 'Do you move pianos and other heavy items?' }),
    ]);
    expect(result.order).toEqual(['token', 'sources', 'done']);
  });

  it('says honestly that it does not know an unrelated question, and offers a person, in the customer’s language', async () => {
    for (const [question, language] of [
      ['Can you recommend a good restaurant nearby?', 'en'],
      ['Kan ni rekommendera en bra restaurang i närheten?', 'sv'],
      ['Kan dere anbefale en god restaurant i nærheten?', 'no'],
    ] as const) {
      const result = await ask(demo, question);
      expect(result.text).toBe(phrasesFor(language).dontKnow);
      expect(result.done).toMatchObject({
        escalationSuggested: true,
        reason: 'low_confidence',
        language,
      });
      expect(result.sources).toEqual([]);
    }
  });
});
