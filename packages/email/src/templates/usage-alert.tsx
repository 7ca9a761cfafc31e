/** @jsxRuntime automatic @jsxImportSource react */
import { z } from 'zod';
import { defineTemplate } from './define-template';
import { ZHttpUrl, ZName } from './fields';
import { formatNumber, formatUsd } from './format';
import { Action, Heading, Paragraph } from './layout';

/** To the workspace's owners: AI replies this billing period reached 80% or 100% of the plan. */
export const ZUsageAlertProps = z.object({
  workspaceName: ZName,
  percent: z.union([z.literal(80), z.literal(100)], { error: 'must be 80 or 100' }),
  used: z.number().int().nonnegative(),
  included: z.number().int().positive(),
  planName: ZName,
  /** The plan's price of a reply past the included ones; null: replies stop at the limit. */
  overageUsdPerReply: z.number().positive().nullable().default(null),
  billingUrl: ZHttpUrl,
});
export type TUsageAlertProps = z.input<typeof ZUsageAlertProps>;

type Props = z.output<typeof ZUsageAlertProps>;

/** What happens at the limit, which is what the reader needs to decide. */
function atTheLimit(p: Props): string {
  const included = formatNumber(p.included);
  if (p.overageUsdPerReply !== null) {
    const price = formatUsd(p.overageUsdPerReply);
    return p.percent === 100
      ? `Replies keep working. Each reply past the ${included} included is billed at ${price}.`
      : `Nothing changes yet. Past ${included}, replies keep working and each is billed at ${price}.`;
  }
  return p.percent === 100
    ? 'AI replies are paused until the next billing period; the widget offers your contact form instead. Upgrade to turn them back on now.'
    : 'Nothing changes yet. At the limit, AI replies pause until the next billing period and the widget offers your contact form instead.';
}

export const usageAlert = defineTemplate({
  name: 'usage-alert',
  schema: ZUsageAlertProps,
  subject: (p) => {
    if (p.percent === 80) return `${p.workspaceName} has used 80% of its AI replies`;
    return p.overageUsdPerReply === null
      ? `AI replies are paused for ${p.workspaceName}: the ${p.planName} plan limit is reached`
      : `${p.workspaceName} has used all AI replies included in its ${p.planName} plan`;
  },
  preview: (p) =>
    `${formatNumber(p.used)} of ${formatNumber(p.included)} AI replies used this billing period.`,
  reason: (p) =>
    `You received this email because you manage billing for ${p.workspaceName} on Replyline.`,
  Content: (p) => (
    <>
      <Heading>
        {p.percent === 100
          ? 'You have used all your AI replies'
          : 'You have used 80% of your AI replies'}
      </Heading>
      <Paragraph>
        {p.workspaceName} has used {formatNumber(p.used)} of the {formatNumber(p.included)} AI
        replies included in the {p.planName} plan this billing period.
      </Paragraph>
      <Paragraph>{atTheLimit(p)}</Paragraph>
      <Action href={p.billingUrl}>
        {p.overageUsdPerReply === null ? 'Upgrade your plan' : 'Review your plan'}
      </Action>
    </>
  ),
});
