/** @jsxRuntime automatic @jsxImportSource react */
import { z } from 'zod';
import { defineTemplate } from './define-template';
import { ZHttpUrl, ZName } from './fields';
import { formatMoney } from './format';
import { Action, Heading, Paragraph } from './layout';

/** To the workspace's owners: the card was declined for an invoice. */
export const ZPaymentFailedProps = z.object({
  workspaceName: ZName,
  /** In the currency's minor unit, as Stripe sends it (4900 = $49.00). */
  amountMinor: z.number().int().nonnegative(),
  currency: z
    .string()
    .regex(/^[a-zA-Z]{3}$/, 'must be a three-letter currency code such as "usd"')
    .transform((c) => c.toUpperCase()),
  billingUrl: ZHttpUrl,
});
export type TPaymentFailedProps = z.input<typeof ZPaymentFailedProps>;

export const paymentFailed = defineTemplate({
  name: 'payment-failed',
  schema: ZPaymentFailedProps,
  subject: (p) => `Payment failed for ${p.workspaceName}: please update your card`,
  preview: (p) => `We could not charge ${formatMoney(p.amountMinor, p.currency)}.`,
  reason: (p) =>
    `You received this email because you manage billing for ${p.workspaceName} on Replyline.`,
  Content: (p) => (
    <>
      <Heading>Your payment did not go through</Heading>
      <Paragraph>
        We could not charge {formatMoney(p.amountMinor, p.currency)} for {p.workspaceName}. Your
        bank or card provider declined it.
      </Paragraph>
      <Paragraph>
        Please update your payment method so your {p.workspaceName} plan continues without
        interruption.
      </Paragraph>
      <Action href={p.billingUrl}>Update payment method</Action>
    </>
  ),
});
