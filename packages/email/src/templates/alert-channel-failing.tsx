/** @jsxRuntime automatic @jsxImportSource react */
import { z } from 'zod';
import { defineTemplate } from './define-template';
import { ZHttpUrl, ZName } from './fields';
import { Action, Heading, Paragraph } from './layout';

/** To the workspace's owners and admins: an alert channel failed several times in a row. */
export const ZAlertChannelFailingProps = z.object({
  workspaceName: ZName,
  channelName: ZName,
  /** What the provider answered last time, e.g. "Telegram answered 401: Unauthorized". */
  lastError: z.string().trim().min(1).max(500),
  settingsUrl: ZHttpUrl,
});
export type TAlertChannelFailingProps = z.input<typeof ZAlertChannelFailingProps>;

export const alertChannelFailing = defineTemplate({
  name: 'alert-channel-failing',
  schema: ZAlertChannelFailingProps,
  subject: (p) => `Alerts to "${p.channelName}" are failing for ${p.workspaceName}`,
  preview: (p) => p.lastError,
  reason: (p) => `You received this email because you manage ${p.workspaceName} on Replyline.`,
  Content: (p) => (
    <>
      <Heading>Alerts are not getting through</Heading>
      <Paragraph>
        Replyline could not deliver alerts to the channel “{p.channelName}” several times in a row,
        so you may be missing new tickets and waiting customers. The last answer was: {p.lastError}
      </Paragraph>
      <Paragraph>
        Check the channel’s token or address, then send a test message from the alert settings. A
        message that gets through marks the channel as working again.
      </Paragraph>
      <Action href={p.settingsUrl}>Open alert settings</Action>
    </>
  ),
});
