import type { QuestionGroup } from './question-reports';

/**
 * Words that carry no topic in a support question, in the languages the widget speaks most:
 * "how do I download a story" and "how can i download the story?" are the same question.
 */
const FILLER = new Set(
  (
    'a an the and or of to in on at for from with by is are was be do does did can could would ' +
    'will shall should may might i me my we our you your it its this that there here what how ' +
    'when where which who why please hi hello hey thanks any some about get have has if not no ' +
    'jag du vi det en ett och att är kan hur var vad som på för med till av om ' +
    'jeg og er det en et at til på for med av om hvordan hva ' +
    'ich du wir es ein eine der die das und ist kann wie was wo für mit zu von'
  ).split(' '),
);

/** A crude stem: plural and verb endings off, so "stories"/"story", "shipping"/"ship" meet. */
function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  for (const ending of ['ing', 'ed', 'es', 's'])
    if (word.length > ending.length + 2 && word.endsWith(ending))
      return word.slice(0, -ending.length);
  return word;
}

/** The topic words of a normalized question (its grouping key), stemmed. */
export function questionWords(key: string): Set<string> {
  const words = key.split(' ').filter((w) => w && !FILLER.has(w));
  return new Set(words.map(stem));
}

/** Share of words two questions have in common (Jaccard); 1 for the same words. */
function overlap(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  for (const w of a) if (b.has(w)) common++;
  return common / (a.size + b.size - common);
}

/** How alike two questions' topic words must be to count as one question. */
const SAME_QUESTION = 0.75;

/**
 * Groups near-identical questions together: the same topic words after filler words and
 * endings are set aside, or nearly so. Groups arrive most asked first; a merged group keeps
 * the most asked wording as its example, the summed count, and its latest conversation.
 */
export function mergeSimilarQuestions(groups: QuestionGroup[], limit: number): QuestionGroup[] {
  const merged: { group: QuestionGroup; words: Set<string> }[] = [];
  for (const group of groups) {
    const words = questionWords(group.key);
    const same = merged.find((m) => overlap(m.words, words) >= SAME_QUESTION);
    if (!same) {
      merged.push({ group: { ...group }, words });
      continue;
    }
    const into = same.group;
    into.count += group.count;
    if (group.lastAskedAt > into.lastAskedAt) {
      into.lastAskedAt = group.lastAskedAt;
      into.conversationId = group.conversationId;
    }
  }
  return merged
    .map((m) => m.group)
    .sort((a, b) => b.count - a.count || b.lastAskedAt.localeCompare(a.lastAskedAt))
    .slice(0, limit);
}
