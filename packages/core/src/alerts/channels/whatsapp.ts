import type { z } from 'zod';
import { excerpt, plainAlertText, type AlertContent } from '../alert-content';
import type { ZWhatsAppConfig } from '../channel-config';
import { JSON_HEADERS, type OutgoingRequest } from './outgoing-request';

/** Template parameters may not hold new lines, tabs or runs of spaces (WhatsApp refuses them). */
function templateParameter(text: string, max: number): string {
  return excerpt(text.replace(/\s+/g, ' '), max);
}

/**
 * The Cloud API's messages endpoint of the business number, with a bearer token: an approved
 * template (headline and details as its body parameters) when one is set, else plain text.
 */
export function whatsAppRequest(
  config: z.output<typeof ZWhatsAppConfig>,
  content: AlertContent,
  apiRoot: string,
): OutgoingRequest {
  const message = config.templateName
    ? {
        type: 'template',
        template: {
          name: config.templateName,
          language: { code: config.templateLanguage },
          components: [
            {
              type: 'body',
              parameters: [
                { type: 'text', text: templateParameter(content.headline, 200) },
                {
                  type: 'text',
                  text: templateParameter(content.detail ?? content.link ?? '-', 600),
                },
              ],
            },
          ],
        },
      }
    : { type: 'text', text: { preview_url: false, body: plainAlertText(content, 1_500) } };
  return {
    url: `${apiRoot}/${config.phoneNumberId}/messages`,
    headers: { ...JSON_HEADERS, authorization: `Bearer ${config.accessToken}` },
    body: JSON.stringify({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: config.to.replace(/^\+/, ''),
      ...message,
    }),
    typedAddress: false,
  };
}
