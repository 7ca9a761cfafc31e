import { keywordStems } from '../text/keywords';

/**
 * The first of the tenant's refused topics the message is about, or null. A topic matches when
 * every word of it (stemmed) is in the message: "legal advice" matches "can you give me some
 * legal advice?", not "is it legal to park there?". The model is also told the topics, for
 * what plain word matching misses.
 */
export function refusedTopicIn(
  message: string,
  topics: string[],
  knowledgeLanguage: string,
  messageLanguage: string,
): string | null {
  const said = keywordStems(message, knowledgeLanguage, messageLanguage);
  for (const topic of topics) {
    const needed = keywordStems(topic, knowledgeLanguage, messageLanguage);
    if (needed.size > 0 && [...needed].every((stem) => said.has(stem))) return topic;
  }
  return null;
}
