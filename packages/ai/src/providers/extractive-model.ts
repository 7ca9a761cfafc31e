import type { ChatDelta, ChatModel, ChatRequest } from '../types';
import {
  composeExtractiveAnswer,
  EXTRACTIVE_STYLE,
  type ExtractiveStyle,
} from './extractive-answer';

export const EXTRACTIVE_MODEL_NAME = 'extractive';

/**
 * The answerer that needs no AI provider: quotes the retrieved passages (see
 * composeExtractiveAnswer) and streams the answer word by word, like a model would.
 * Metered in characters, since no tokens are bought.
 */
export function createExtractiveModel(style: ExtractiveStyle = EXTRACTIVE_STYLE): ChatModel {
  async function* stream(request: ChatRequest, signal?: AbortSignal): AsyncIterable<ChatDelta> {
    const answer = composeExtractiveAnswer(request, style);
    for (const word of answer.match(/\s*\S+/g) ?? []) {
      if (signal?.aborted) return;
      yield { type: 'text', text: word };
    }
    yield {
      type: 'usage',
      usage: {
        inputTokens: 0,
        outputTokens: 0,
        characters: answer.length,
        model: EXTRACTIVE_MODEL_NAME,
      },
    };
  }
  return { name: EXTRACTIVE_MODEL_NAME, kind: 'extractive', stream };
}
