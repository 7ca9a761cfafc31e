import type { z } from 'zod';
import { excerpt, type AlertContent } from '../alert-content';
import type { ZTelegramConfig } from '../channel-config';
import { JSON_HEADERS, type OutgoingRequest } from './outgoing-request';

/**
 * Telegram's HTML parse mode reads `<`, `>` and `&` as markup; escaped, a customer's words stay
 * words (`"` too, for the one attribute we write). HTML rather than MarkdownV2, whose eighteen
 * reserved characters make a missed one a rejected message.
 */
export function telegramEscape(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

/** `sendMessage` on the Bot API: the token is part of the path, the chat and text in JSON. */
export function telegramRequest(
  config: z.output<typeof ZTelegramConfig>,
  content: AlertContent,
  apiRoot: string,
): OutgoingRequest {
  const lines = [`<b>${telegramEscape(content.headline)}</b>`];
  // A message holds 4096 characters after entities are parsed; the excerpt leaves room.
  if (content.detail) lines.push(telegramEscape(excerpt(content.detail, 3_000)));
  if (content.link)
    lines.push(
      `<a href="${telegramEscape(content.link)}">${telegramEscape(content.linkLabel)}</a>`,
    );
  return {
    url: `${apiRoot}/bot${config.botToken}/sendMessage`,
    headers: JSON_HEADERS,
    body: JSON.stringify({
      chat_id: config.chatId,
      text: lines.join('\n\n'),
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
    }),
    typedAddress: false,
  };
}
