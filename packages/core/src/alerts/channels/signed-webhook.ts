import type { z } from 'zod';
import type { AlertContent } from '../alert-content';
import type { ZWebhookConfig } from '../channel-config';
import { SIGNATURE_HEADER, signWebhook } from '../../webhooks/sign-webhook';
import { JSON_HEADERS, type OutgoingRequest } from './outgoing-request';

/**
 * A JSON post signed like the ticket webhook (`x-replyline-signature: t=…,v1=…`, HMAC-SHA256 of
 * "<t>.<body>"), so one verifier serves both; the receiver rejects old timestamps.
 */
export function signedWebhookRequest(
  config: z.output<typeof ZWebhookConfig> & { secret: string },
  content: AlertContent,
  alert: { event: string; tenantId: string },
  now = new Date(),
): OutgoingRequest {
  const body = JSON.stringify({
    event: alert.event,
    workspaceId: alert.tenantId,
    headline: content.headline,
    detail: content.detail,
    link: content.link,
    sentAt: now.toISOString(),
  });
  return {
    url: config.url,
    headers: {
      ...JSON_HEADERS,
      'x-replyline-event': alert.event,
      [SIGNATURE_HEADER]: signWebhook(config.secret, body, Math.floor(now.getTime() / 1000)),
    },
    body,
    typedAddress: true,
  };
}
