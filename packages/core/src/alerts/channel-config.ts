import { z } from 'zod';

const E164 = z
  .string()
  .trim()
  .regex(/^\+[1-9]\d{6,14}$/, 'Write the phone number in international form, e.g. +4712345678.');

const webhookAddress = z.url('Paste the full webhook address, starting with https://').trim();

/** A bot token as BotFather gives it, and the chat (a numeric id or a @channel name). */
export const ZTelegramConfig = z.object({
  kind: z.literal('telegram'),
  botToken: z
    .string()
    .trim()
    .regex(/^\d+:[\w-]{20,}$/, 'The bot token looks like 123456:ABC… (from @BotFather).'),
  chatId: z
    .string()
    .trim()
    .regex(/^(-?\d+|@\w{5,})$/, 'The chat is a numeric id or a @channelname.'),
});

export const ZSlackConfig = z.object({ kind: z.literal('slack'), webhookUrl: webhookAddress });

export const ZTeamsConfig = z.object({ kind: z.literal('teams'), webhookUrl: webhookAddress });

/**
 * WhatsApp Cloud API: the business phone number's id, a system-user token and the recipient.
 * Outside a 24-hour customer window WhatsApp only delivers approved templates: with
 * `templateName` the alert is that template with the headline and details as its two body
 * parameters; without it, a plain text message.
 */
export const ZWhatsAppConfig = z.object({
  kind: z.literal('whatsapp'),
  accessToken: z.string().trim().min(20, 'Paste the access token of your WhatsApp app.'),
  phoneNumberId: z
    .string()
    .trim()
    .regex(/^\d{5,20}$/, 'The phone number id is digits only.'),
  to: E164,
  templateName: z
    .string()
    .trim()
    .regex(/^[a-z0-9_]{1,512}$/, 'Template names are lower-case letters, digits and _.')
    .optional(),
  templateLanguage: z
    .string()
    .trim()
    .regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, 'The language looks like en or en_US.')
    .default('en_US'),
});

/** Twilio Programmable Messaging: account SID, auth token, a Twilio number and the recipient. */
export const ZTwilioSmsConfig = z.object({
  kind: z.literal('twilio_sms'),
  accountSid: z
    .string()
    .trim()
    .regex(/^AC[0-9a-fA-F]{32}$/, 'The account SID starts with AC.'),
  authToken: z.string().trim().min(16, 'Paste the auth token of your Twilio account.'),
  from: E164,
  to: E164,
});

/** Any receiver: a JSON post signed like the ticket webhook, with its own secret. */
export const ZWebhookConfig = z.object({ kind: z.literal('webhook'), url: webhookAddress });

/** What an admin enters for a channel. */
export const ZAlertChannelInput = z.discriminatedUnion('kind', [
  ZTelegramConfig,
  ZSlackConfig,
  ZTeamsConfig,
  ZWhatsAppConfig,
  ZTwilioSmsConfig,
  ZWebhookConfig,
]);
export type TAlertChannelInput = z.input<typeof ZAlertChannelInput>;

/** What is stored (encrypted): the input, plus the signing secret a webhook channel gets. */
export type AlertChannelConfig =
  | Exclude<z.output<typeof ZAlertChannelInput>, { kind: 'webhook' }>
  | (z.output<typeof ZWebhookConfig> & { secret: string });

/** The address a channel posts to when the admin typed it (checked like webhook addresses). */
export function typedAddressOf(config: z.output<typeof ZAlertChannelInput>): string | null {
  if (config.kind === 'slack' || config.kind === 'teams') return config.webhookUrl;
  if (config.kind === 'webhook') return config.url;
  return null;
}

/** The harmless part of a channel the dashboard may show: never a token or a full number. */
export function targetHintOf(config: z.output<typeof ZAlertChannelInput>): string {
  switch (config.kind) {
    case 'telegram':
      return `chat ${config.chatId}`;
    case 'whatsapp':
    case 'twilio_sms':
      return `number ending ${config.to.slice(-4)}`;
    default:
      return new URL(typedAddressOf(config)!).host;
  }
}
