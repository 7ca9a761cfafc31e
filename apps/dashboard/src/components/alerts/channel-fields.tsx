import { Field } from '@replyline/ui/field';

export const CHANNEL_KINDS = {
  telegram: 'Telegram bot',
  slack: 'Slack (incoming webhook)',
  whatsapp: 'WhatsApp (Cloud API)',
  twilio_sms: 'SMS (Twilio)',
  teams: 'Microsoft Teams (incoming webhook)',
  webhook: 'Signed webhook',
} as const;
export type ChannelKind = keyof typeof CHANNEL_KINDS;

interface FieldSpec {
  name: string;
  label: string;
  hint?: string;
  type?: 'text' | 'url' | 'tel' | 'password';
  optional?: boolean;
}

/** The settings each kind of channel needs, as its provider names them. */
export const FIELDS_OF: Record<ChannelKind, FieldSpec[]> = {
  telegram: [
    { name: 'botToken', label: 'Bot token', hint: 'From @BotFather.', type: 'password' },
    { name: 'chatId', label: 'Chat id', hint: 'A group’s numeric id or a @channelname.' },
  ],
  slack: [{ name: 'webhookUrl', label: 'Webhook URL', type: 'url' }],
  teams: [{ name: 'webhookUrl', label: 'Webhook URL', type: 'url' }],
  whatsapp: [
    { name: 'accessToken', label: 'Access token', type: 'password' },
    { name: 'phoneNumberId', label: 'Phone number id', hint: 'Of your WhatsApp business number.' },
    { name: 'to', label: 'Send to', hint: 'International form, e.g. +4712345678.', type: 'tel' },
    {
      name: 'templateName',
      label: 'Template (optional)',
      hint: 'An approved template with two body parameters; without one, plain text (only inside WhatsApp’s 24-hour window).',
      optional: true,
    },
  ],
  twilio_sms: [
    { name: 'accountSid', label: 'Account SID' },
    { name: 'authToken', label: 'Auth token', type: 'password' },
    { name: 'from', label: 'From (your Twilio number)', type: 'tel' },
    { name: 'to', label: 'Send to', hint: 'International form, e.g. +4712345678.', type: 'tel' },
  ],
  webhook: [
    {
      name: 'url',
      label: 'Address',
      hint: 'Posts are signed like the ticket webhook; the secret is shown once.',
      type: 'url',
    },
  ],
};

/** The inputs of one kind of channel; their names are the settings' names. */
export function ChannelFields({
  kind,
  errors,
}: {
  kind: ChannelKind;
  errors: Record<string, string | undefined>;
}) {
  return FIELDS_OF[kind].map((spec) => (
    <Field
      key={`${kind}-${spec.name}`}
      id={`alert-${spec.name}`}
      label={spec.label}
      hint={spec.hint}
      error={errors[`config.${spec.name}`] ?? errors[spec.name]}
    >
      {(control) => (
        <input
          {...control}
          name={spec.name}
          type={spec.type ?? 'text'}
          required={!spec.optional}
          autoComplete="off"
        />
      )}
    </Field>
  ));
}

/** The entered settings of `kind`, empty optional ones left out. */
export function channelConfigOf(kind: ChannelKind, form: FormData): Record<string, string> {
  const config: Record<string, string> = { kind };
  for (const spec of FIELDS_OF[kind]) {
    const value = String(form.get(spec.name) ?? '').trim();
    if (value || !spec.optional) config[spec.name] = value;
  }
  return config;
}
