import type { AlertContent } from '../alert-content';
import type { AlertChannelConfig } from '../channel-config';
import type { AlertEndpoints, OutgoingRequest } from './outgoing-request';
import { signedWebhookRequest } from './signed-webhook';
import { slackRequest } from './slack';
import { teamsRequest } from './teams';
import { telegramRequest } from './telegram';
import { twilioSmsRequest } from './twilio-sms';
import { whatsAppRequest } from './whatsapp';

export { PROVIDER_ENDPOINTS, type AlertEndpoints, type OutgoingRequest } from './outgoing-request';

/** The one HTTP call that delivers `content` on a channel, in that provider's format. */
export function channelRequest(
  config: AlertChannelConfig,
  content: AlertContent,
  alert: { event: string; tenantId: string },
  endpoints: AlertEndpoints,
): OutgoingRequest {
  switch (config.kind) {
    case 'telegram':
      return telegramRequest(config, content, endpoints.telegram);
    case 'slack':
      return slackRequest(config, content);
    case 'teams':
      return teamsRequest(config, content);
    case 'whatsapp':
      return whatsAppRequest(config, content, endpoints.whatsapp);
    case 'twilio_sms':
      return twilioSmsRequest(config, content, endpoints.twilio);
    case 'webhook':
      return signedWebhookRequest(config, content, alert);
  }
}
