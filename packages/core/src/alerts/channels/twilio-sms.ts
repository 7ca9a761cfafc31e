import type { z } from 'zod';
import { plainAlertText, type AlertContent } from '../alert-content';
import type { ZTwilioSmsConfig } from '../channel-config';
import type { OutgoingRequest } from './outgoing-request';

/** Twilio refuses a body past 1600 characters; an alert is kept well inside one or two SMS. */
const SMS_DETAIL_CHARACTERS = 300;

/** The Messages resource: form-encoded To, From and Body, with the account's basic auth. */
export function twilioSmsRequest(
  config: z.output<typeof ZTwilioSmsConfig>,
  content: AlertContent,
  apiRoot: string,
): OutgoingRequest {
  const credentials = Buffer.from(`${config.accountSid}:${config.authToken}`).toString('base64');
  return {
    url: `${apiRoot}/2010-04-01/Accounts/${config.accountSid}/Messages.json`,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${credentials}`,
      'user-agent': 'Replyline-Alerts/1',
    },
    body: new URLSearchParams({
      To: config.to,
      From: config.from,
      Body: plainAlertText(content, SMS_DETAIL_CHARACTERS),
    }).toString(),
    typedAddress: false,
  };
}
