import type { z } from 'zod';
import { excerpt, type AlertContent } from '../alert-content';
import type { ZTeamsConfig } from '../channel-config';
import { JSON_HEADERS, type OutgoingRequest } from './outgoing-request';

/**
 * Adaptive Card text blocks read a small Markdown subset: `**bold**`, `_italic_`,
 * `[label](url)` and lists. Those characters are backslash-escaped, and a list marker at a
 * line's start too, so a customer cannot make a link or reshape the card. Our own link goes in
 * an action, never in the text.
 */
export function teamsEscape(text: string): string {
  return text.replace(/[\\*_[\]()`~]/g, '\\$&').replace(/^(\s*)([-+]|\d+\.)/gm, '$1\\$2');
}

/** A Teams incoming webhook (Workflows or connector): a message carrying one Adaptive Card. */
export function teamsRequest(
  config: z.output<typeof ZTeamsConfig>,
  content: AlertContent,
): OutgoingRequest {
  const body: unknown[] = [
    { type: 'TextBlock', text: teamsEscape(content.headline), weight: 'Bolder', wrap: true },
  ];
  if (content.detail)
    body.push({ type: 'TextBlock', text: teamsEscape(excerpt(content.detail, 1_500)), wrap: true });
  const card = {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.4',
    body,
    actions: content.link
      ? [{ type: 'Action.OpenUrl', title: content.linkLabel, url: content.link }]
      : [],
  };
  return {
    url: config.webhookUrl,
    headers: JSON_HEADERS,
    body: JSON.stringify({
      type: 'message',
      attachments: [
        { contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: card },
      ],
    }),
    typedAddress: true,
  };
}
