import type { TurnContext } from './turn-context';
import { promiseDetector } from '../guardrails/commitments';
import { leakDetector } from '../guardrails/leak-detector';
import { linkPolicy } from '../guardrails/link-policy';
import { noAnswerDetector } from '../guardrails/no-answer';
import { sanitizeMarkdown } from '../guardrails/sanitize-markdown';
import type { ModelRequest } from './model-request';
import type { GuardSetup } from './run-model';

/** What the output guard checks for this answer: the tenant's link policy, this prompt's canary. */
export function guardSetup(context: TurnContext, request: ModelRequest): GuardSetup {
  const links = linkPolicy(
    [context.tenant.siteUrl, ...context.tenant.allowedOrigins],
    request.chat.passages.map((p) => p.content),
  );
  const citationCount = request.chat.passages.length;
  return {
    sanitize: (segment) => sanitizeMarkdown(segment, { links, citationCount }),
    detectors: [
      leakDetector(request.systemPrompt, request.canary),
      promiseDetector(),
      noAnswerDetector(),
    ],
  };
}
