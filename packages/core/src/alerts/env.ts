import { z } from 'zod';
import { PROVIDER_ENDPOINTS, type AlertEndpoints } from './channels';

const ZAlertEnv = z.object({
  ALERT_TELEGRAM_API_URL: z.url().default(PROVIDER_ENDPOINTS.telegram),
  ALERT_WHATSAPP_API_URL: z.url().default(PROVIDER_ENDPOINTS.whatsapp),
  ALERT_TWILIO_API_URL: z.url().default(PROVIDER_ENDPOINTS.twilio),
});

/**
 * The providers' API roots. Production leaves them unset; a staging or demo server points them
 * at stand-ins that speak the same protocol.
 */
export function alertEndpoints(env: NodeJS.ProcessEnv = process.env): AlertEndpoints {
  const parsed = ZAlertEnv.parse({
    ALERT_TELEGRAM_API_URL: env.ALERT_TELEGRAM_API_URL || undefined,
    ALERT_WHATSAPP_API_URL: env.ALERT_WHATSAPP_API_URL || undefined,
    ALERT_TWILIO_API_URL: env.ALERT_TWILIO_API_URL || undefined,
  });
  const root = (url: string) => url.replace(/\/+$/, '');
  return {
    telegram: root(parsed.ALERT_TELEGRAM_API_URL),
    whatsapp: root(parsed.ALERT_WHATSAPP_API_URL),
    twilio: root(parsed.ALERT_TWILIO_API_URL),
  };
}
