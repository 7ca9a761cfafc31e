import type { z } from 'zod';
import { excerpt, type AlertContent } from '../alert-content';
import type { ZTeamsConfig } from '../channel-config';
import { JSON_HEADERS, type OutgoingRequest } from './outgoing-request';

/** A zero-width space: invisible, but no link or template function spans it. */
const BREAK = '\u200b';

/**
 * Adaptive Card text blocks read a CommonMark subset: `**bold**`, `_italic_`, `[label](url)`,
 * lists, and `<https://…>` autolinks; Teams also turns bare addresses into links and fills in
 * `{{DATE(…)}}` / `{{TIME(…)}}`. HTML is not rendered. So Markdown's characters (and `<`, `>`)
 * are backslash-escaped, a list marker at a line's start too, and a zero-width space goes
 * inside `://`, `www.` and `{{`, so a customer cannot make a link, a date or a reshaped card.
 * Our own link goes in an action, never in the text.
 */
export function teamsEscape(text: string): string {
  return text
    .replace(/[\\*_[\]()`~<>]/g, '\\$&')
    .replace(/^(\s*)([-+]|\d+\.)/gm, '$1\\$2')
    .replace(/:\/\//g, `:/${BREAK}/`)
    .replace(/\bwww\./gi, (www) => `${www.slice(0, 3)}${BREAK}.`)
    .replace(/\{\{/g, `{${BREAK}{`);
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
