import type { TenantId } from '@replyline/db';
import { openTestDatabase, type TestDatabase } from '@replyline/db/testing';
import { searchKnowledge } from '@replyline/rag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { phrasesFor } from '../language/phrases';
import { createExtractiveModel } from '../providers/extractive-model';
import { addFaq, addText, newTenant } from '../testing/fixtures';
import type { ChatModel } from '../types';
import { answerTurn, readTurn, type TurnOutcome } from './answer-turn';
import { planAnswer } from './plan-answer';
import { firstMessageContext, type TurnContext } from './turn-context';

// A story library: an FAQ with Markdown, and two stories that share words.
const DOWNLOAD_ANSWER =
  '**To download a story:**\n\n1. Open the story page.\n2. Click *Download PDF* at the top.\n3. Read more on [the help page](https://stories.example/help).';
const BURIED_MOON = `The Buried Moon

Long ago the Moon came down to walk in the marshes. The bogles caught her and buried her under a great stone in the bog. The villagers searched the marsh with lanterns until they found the stone. When they lifted it, the Moon rose back into the sky and lit their way home.`;
const GOLDEN_SNUFFBOX = `The Golden Snuffbox

A young man found a golden snuffbox in the forest. When he opened it, three little men jumped out and built him a castle by the sea. The castle stood there until a thief stole the snuffbox.`;

let t: TestDatabase;
let tenantId: TenantId;
beforeAll(async () => {
  t = await openTestDatabase();
  tenantId = await newTenant(t, { language: 'english' });
  await addFaq(t, tenantId, [
    { question: 'How do I download a story?', answer: DOWNLOAD_ANSWER },
    {
      question: 'Who retold The Buried Moon?',
      answer: 'The Buried Moon is an English fairy tale retold by Joseph Jacobs.',
    },
  ]);
  await addText(t, tenantId, 'The Buried Moon', BURIED_MOON);
  await addText(t, tenantId, 'The Golden Snuffbox', GOLDEN_SNUFFBOX);
}, 120_000);
afterAll(() => t?.close());

/** A configured language model that records whether it was asked at all. */
function watchedModel(): ChatModel & { calls: number } {
  const model = {
    name: 'watched',
    kind: 'language-model' as const,
    calls: 0,
    async *stream() {
      model.calls += 1;
      yield { type: 'text' as const, text: 'A model answer [1]' };
    },
  };
  return model;
}

async function answer(
  question: string,
  options: { model?: ChatModel; turns?: TurnContext['turns'] } = {},
): Promise<Extract<TurnOutcome, { kind: 'answered' }>['message'] & { language: string }> {
  const context = {
    ...firstMessageContext({ name: 'Story library', language: 'english' }),
    turns: options.turns ?? [],
  };
  const turn = readTurn(question, context)!;
  const search = (text: string, o: { limit: number; language?: string }) =>
    searchKnowledge(t.db, tenantId, text, o);
  const plan = await planAnswer({ ...turn, search, budget: null });
  const run = answerTurn(turn, plan, { model: options.model ?? watchedModel() });
  let step = await run.next();
  while (!step.done) step = await run.next();
  if (step.value.kind !== 'answered') throw new Error(`not answered: ${step.value.kind}`);
  return { ...step.value.message, language: turn.language };
}

describe('answers a customer can trust', () => {
  it('says it does not know an off-topic question, without calling the model', async () => {
    const model = watchedModel();
    const reply = await answer('Do you ship printed stories to Canada?', { model });
    expect(reply.content).toBe(phrasesFor('en').dontKnow);
    expect(reply.tags).toContain('unanswered');
    expect(reply.sources).toEqual([]);
    expect(reply.escalation).toBe('low_confidence');
    expect(model.calls).toBe(0);
  });

  it('calls the model when the knowledge supports the question', async () => {
    const model = watchedModel();
    await answer('Who buried the Moon in the bog?', { model });
    expect(model.calls).toBe(1);
  });

  it('quotes the FAQ answer to the exact question with its Markdown intact, one source', async () => {
    const reply = await answer('How do I download a story?', { model: createExtractiveModel() });
    expect(reply.content).toBe(`${DOWNLOAD_ANSWER} [1]`);
    expect(reply.sources.map((s) => s.title)).toEqual(['How do I download a story?']);
  });

  it('answers from one story in whole sentences, without a loosely related FAQ line', async () => {
    const reply = await answer('Who buried the Moon under a stone in the bog?', {
      model: createExtractiveModel(),
    });
    expect(reply.content).toContain('The bogles caught her and buried her under a great stone');
    expect(reply.content).not.toMatch(/Joseph Jacobs|snuffbox/i);
    expect(reply.content).toMatch(/^\p{Lu}/u);
    expect(new Set(reply.sources.map((s) => s.documentId)).size).toBe(1);
  });

  it('chooses the language per message: a Swedish question does not make later answers Swedish', async () => {
    const swedish = await answer('Skickar ni tryckta böcker till Kanada?', {
      model: createExtractiveModel(),
    });
    expect(swedish.language).toBe('sv');
    expect(swedish.content).toBe(phrasesFor('sv').dontKnow);
    const turns: TurnContext['turns'] = [
      { role: 'visitor', content: 'Skickar ni tryckta böcker till Kanada?', tags: [] },
      { role: 'assistant', content: swedish.content, tags: ['unanswered'] },
    ];
    const english = await answer('Do you ship printed stories to Canada?', {
      model: createExtractiveModel(),
      turns,
    });
    expect(english.language).toBe('en');
    expect(english.content).toBe(phrasesFor('en').dontKnow);
    const story = await answer('Who found the golden snuffbox in the forest?', {
      model: createExtractiveModel(),
      turns,
    });
    expect(story.language).toBe('en');
    expect(story.content).toContain('A young man found a golden snuffbox in the forest.');
    expect(story.content).not.toMatch(/dokumentation|engelska/);
  });
});
