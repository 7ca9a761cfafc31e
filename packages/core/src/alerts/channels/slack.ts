import type { z } from 'zod';
import { excerpt, type AlertContent } from '../alert-content';
import type { ZSlackConfig } from '../channel-config';
import { slackEscape } from '../../webhooks/slack-message';
import { JSON_HEADERS, type OutgoingRequest } from './outgoing-request';

/** An incoming-webhook post: escaped `text` for the notification, blocks with our link. */
export function slackRequest(
  config: z.output<typeof ZSlackConfig>,
  content: AlertContent,
): OutgoingRequest {
  const headline = slackEscape(content.headline);
  const blocks: unknown[] = [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: content.link ? `*<${content.link}|${headline}>*` : `*${headline}*`,
      },
    },
  ];
  if (content.detail)
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: slackEscape(excerpt(content.detail, 1_500)).replace(/^/gm, '>'),
      },
    });
  return {
    url: config.webhookUrl,
    headers: JSON_HEADERS,
    body: JSON.stringify({ text: headline, blocks }),
    typedAddress: true,
  };
}
