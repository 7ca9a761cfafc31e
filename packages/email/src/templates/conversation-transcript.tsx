/** @jsxRuntime automatic @jsxImportSource react */
import { Section, Text } from '@react-email/components';
import { z } from 'zod';
import { defineTemplate } from './define-template';
import { ZMessageText, ZName, ZTimeZone } from './fields';
import { formatTime } from './format';
import { BRAND, Heading, Paragraph } from './layout';

/** To the customer, on request: their chat with the workspace, as it happened. */
export const ZConversationTranscriptProps = z.object({
  workspaceName: ZName,
  timeZone: ZTimeZone,
  messages: z
    .array(
      z.object({
        role: z.enum(['visitor', 'assistant', 'agent']),
        author: ZName,
        content: ZMessageText,
        // Dates arrive as ISO strings when props travel as JSON.
        at: z.coerce.date(),
      }),
    )
    .min(1, 'a transcript needs at least one message')
    .max(500),
});
export type TConversationTranscriptProps = z.input<typeof ZConversationTranscriptProps>;

export const conversationTranscript = defineTemplate({
  name: 'conversation-transcript',
  schema: ZConversationTranscriptProps,
  subject: (p) => `Your conversation with ${p.workspaceName}`,
  preview: (p) =>
    `${p.messages.length} ${p.messages.length === 1 ? 'message' : 'messages'} from ${formatTime(p.messages[0]!.at, p.timeZone)}.`,
  reason: (p) =>
    `You received this email because you asked ${p.workspaceName} for a copy of your conversation.`,
  sender: (p) => p.workspaceName,
  Content: (p) => (
    <>
      <Heading>Your conversation with {p.workspaceName}</Heading>
      <Paragraph>Here is a copy of your conversation, oldest message first.</Paragraph>
      {p.messages.map((m, i) => (
        <Section key={i} style={{ margin: '0 0 16px' }}>
          <Text style={{ color: BRAND.muted, fontSize: 13, margin: '0 0 4px' }}>
            <strong>{m.author}</strong>, {formatTime(m.at, p.timeZone)}:
          </Text>
          <Text
            style={{
              color: BRAND.text,
              fontSize: 15,
              lineHeight: '22px',
              margin: 0,
              whiteSpace: 'pre-wrap',
            }}
          >
            {m.content}
          </Text>
        </Section>
      ))}
    </>
  ),
});
