/** @jsxRuntime automatic @jsxImportSource react */
import { z } from 'zod';
import { defineTemplate } from './define-template';
import { ZHttpUrl } from './fields';
import { Action, Heading, Paragraph } from './layout';

export const ZMagicLinkProps = z.object({
  url: ZHttpUrl,
  expiresInMinutes: z
    .number()
    .int()
    .positive()
    .max(24 * 60),
});
export type TMagicLinkProps = z.input<typeof ZMagicLinkProps>;

export const magicLink = defineTemplate({
  name: 'magic-link',
  schema: ZMagicLinkProps,
  subject: () => 'Your Replyline sign-in link',
  preview: (p) => `Sign in to Replyline. The link works for ${p.expiresInMinutes} minutes.`,
  reason: () =>
    'You received this email because someone asked to sign in to Replyline with this address. If that was not you, ignore it: nobody can sign in without the link.',
  Content: (p) => (
    <>
      <Heading>Sign in to Replyline</Heading>
      <Paragraph>
        Use the button below to sign in. The link works once, for the next {p.expiresInMinutes}{' '}
        minutes.
      </Paragraph>
      <Action href={p.url}>Sign in</Action>
    </>
  ),
});
