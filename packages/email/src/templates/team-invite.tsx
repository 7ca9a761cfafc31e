/** @jsxRuntime automatic @jsxImportSource react */
import { schema } from '@replyline/db';
import { z } from 'zod';
import { defineTemplate } from './define-template';
import { ZHttpUrl, ZName } from './fields';
import { Action, Heading, Paragraph } from './layout';

const ROLE_WORDS: Record<(typeof schema.memberRole.enumValues)[number], string> = {
  owner: 'an owner',
  admin: 'an admin',
  agent: 'an agent',
};

export const ZTeamInviteProps = z.object({
  inviterName: ZName,
  workspaceName: ZName,
  role: z.enum(schema.memberRole.enumValues, { error: 'must be owner, admin or agent' }),
  acceptUrl: ZHttpUrl,
});
export type TTeamInviteProps = z.input<typeof ZTeamInviteProps>;

export const teamInvite = defineTemplate({
  name: 'team-invite',
  schema: ZTeamInviteProps,
  subject: (p) => `${p.inviterName} invited you to ${p.workspaceName} on Replyline`,
  preview: (p) => `Join ${p.workspaceName} as ${ROLE_WORDS[p.role]}.`,
  reason: (p) =>
    `You received this email because ${p.inviterName} invited this address to ${p.workspaceName}. If you did not expect it, ignore it.`,
  Content: (p) => (
    <>
      <Heading>Join {p.workspaceName} on Replyline</Heading>
      <Paragraph>
        {p.inviterName} invited you to join {p.workspaceName} as {ROLE_WORDS[p.role]}, to answer
        customer conversations together.
      </Paragraph>
      <Action href={p.acceptUrl}>Accept the invitation</Action>
    </>
  ),
});
