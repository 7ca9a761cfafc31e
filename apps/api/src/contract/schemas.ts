// The public widget API's schemas: one source for request validation, the OpenAPI document
// served at /v1/openapi.json, and (as types only) the widget that calls the API.
import { z } from '@hono/zod-openapi';

export const ErrorBodySchema = z
  .object({
    error: z.object({ code: z.string(), message: z.string(), requestId: z.string() }),
  })
  .openapi('Error');

export const BrandingSchema = z
  .object({
    primaryColor: z.string(),
    accentColor: z.string().optional(),
    logoUrl: z.string().optional(),
    avatarUrl: z.string().optional(),
    greeting: z.string(),
    launcherText: z.string().optional(),
    position: z.enum(['bottom-right', 'bottom-left']),
    suggestedQuestions: z.array(z.string()),
  })
  .openapi('Branding');

export const WidgetProfileSchema = z
  .object({
    name: z.string(),
    language: z.string(),
    assistantName: z.string(),
    branding: BrandingSchema,
  })
  .openapi('WidgetProfile');

export const SourceSchema = z
  .object({
    n: z.number().int().openapi({ description: 'The [n] marker used in the answer text.' }),
    documentId: z.string(),
    title: z.string(),
    page: z.number().int().nullable(),
    heading: z.string().nullable(),
    kind: z.enum(['web', 'faq', 'pdf', 'document']).optional().openapi({
      description:
        'How the source opens: a web page at its url, an FAQ entry in place (answer), a PDF or a document (Word, HTML, Markdown, text) in the viewer at url; sources stored before viewers existed have no link.',
    }),
    url: z.string().nullable().optional().openapi({
      description:
        "A web page's address with a text fragment of the quoted sentence, or the viewer's signed link to a PDF page or a document at the quoted passage (valid for an hour, for this conversation only).",
    }),
    answer: z
      .string()
      .nullable()
      .optional()
      .openapi({ description: "An FAQ entry's whole answer (Markdown)." }),
  })
  .openapi('Source');

export const RoleSchema = z.enum(['visitor', 'assistant', 'agent', 'system']);
export const StatusSchema = z.enum(['open', 'escalated', 'resolved']);
export const HandoffStateSchema = z.enum(['bot', 'waiting', 'person']).openapi('HandoffState', {
  description:
    'Who answers: the bot, nobody yet (a person was asked for; the bot is quiet), or a person.',
});
export const HandoffLineSchema = z.enum(['waiting', 'joined', 'bot_back', 'ended']);

export const AgentSchema = z
  .object({ name: z.string(), avatarUrl: z.string().nullable() })
  .openapi('Agent', { description: 'The person answering.' });

export const CardSchema = z.looseObject({ type: z.string() }).openapi('Card', {
  description:
    'What an action showed: `order`, `result`, `quote`, `booking`, `slots`, `form`, `confirm`, `identify` or `error`, with that type’s fields; render unknown types by their `message`.',
});

export const MessageSchema = z
  .object({
    id: z.string().openapi({ format: 'uuid' }),
    role: RoleSchema,
    content: z.string().openapi({ description: 'Markdown; render safely (no raw HTML).' }),
    sources: z.array(SourceSchema),
    feedback: z.union([z.literal(1), z.literal(-1), z.null()]),
    authorName: z.string().nullable().openapi({
      description: 'The agent who wrote it, or who joined on a `joined` line; null otherwise.',
    }),
    authorAvatarUrl: z.string().nullable(),
    handoff: HandoffLineSchema.nullable().openapi({
      description:
        'On system lines: the hand-off change it announces (a person asked for, a person joined, back with the assistant, the conversation ended). Show it in the visitor’s language; `content` is the English text.',
    }),
    cards: z.array(CardSchema).openapi({
      description:
        'The cards the workspace’s actions showed under this answer, as the `cards` event of the answer stream sent them; empty for most messages. A history shows them again.',
    }),
    createdAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('Message');

const shortText = z.string().trim().min(1).max(200);

/** An identity token (JWT), or the older hex signature of the user id / email. */
export const IdentitySchema = z
  .union([
    z.object({ token: z.string().min(1).max(4096) }),
    z.object({
      userId: shortText.optional(),
      email: z.email().max(254).optional(),
      signature: z.string().max(200),
      // Accepted so older embeds keep working, but unsigned: never stored (see identity.ts).
      name: z.unknown().optional(),
      context: z.unknown().optional(),
    }),
  ])
  .openapi('Identity', {
    description:
      'An identified visitor, refused with 401 when not valid (never downgraded to an anonymous chat). An identified conversation resumes only for the same signed identity, never for the visitor id alone. Preferred: `{ token }`, a JWT the host site’s server signs with HS256 and the tenant’s identity secret, with `sub` (user id) and/or `email`, optional `name` and `context` {plan, orderIds, cart, page}, and `iat` + `exp` at most 24 hours apart (401 `identity_expired` once expired, `identity_lifetime_too_long` past 24 hours). Older: the lowercase hex HMAC-SHA256 of `userId` (or of the lower-cased `email`) as `signature`; it signs the user only, so any name or context beside it is ignored.',
  });

export const StartConversationRequestSchema = z.object({
  key: z.string().min(1).max(120).openapi({ description: 'Publishable key (pk_…)' }),
  visitorId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,128}$/, 'must be 8 to 128 letters, digits, "-" or "_"'),
  hostOrigin: z
    .string()
    .max(300)
    .optional()
    .openapi({ description: 'The embedding website, when called from the chat iframe' }),
  language: z.string().max(20).optional(),
  identity: IdentitySchema.optional(),
});

export const SessionSchema = z.object({
  conversationId: z.string().openapi({ format: 'uuid' }),
  token: z.string(),
  resumed: z.boolean(),
  status: StatusSchema,
  botPaused: z.boolean(),
  handoff: HandoffStateSchema,
  agent: AgentSchema.nullable(),
  identified: z.boolean(),
  greeting: z.string().optional().openapi({
    description:
      'The greeting for this signed-in customer’s type (new, returning or VIP by the orders their identity token signs), when the workspace wrote one; otherwise the widget shows the usual greeting.',
  }),
  messages: z.array(MessageSchema),
});

export const MessageListSchema = z.object({ messages: z.array(MessageSchema) });

/** Length is checked by the handler after trimming, so it can answer 413 rather than 400. */
export const SendMessageRequestSchema = z.object({
  text: z.string().openapi({ maxLength: 4000 }),
  retryOf: z.uuid().optional().openapi({
    description:
      'Ask again about a message already stored (the id its `visitor_message` event gave) whose answer broke off: the message is not stored twice; its stored answer is sent if there is one, otherwise it is answered now. `text` is then ignored.',
  }),
});

export const FeedbackRequestSchema = z.object({
  value: z.union([z.literal(1), z.literal(-1), z.literal(0)]),
});

export const RatingRequestSchema = z.object({
  rating: z.number().int().min(1).max(5),
  comment: z.string().trim().max(2000).optional(),
});

export const EscalateRequestSchema = z.object({
  email: z.email('enter a valid email address').max(254),
  name: z.string().trim().min(1).max(200).optional(),
  message: z.string().trim().min(1, 'write a few words for the team').max(4000),
});

export const TicketSchema = z.object({ ticketNumber: z.number().int() });

export const TranscriptRequestSchema = z
  .object({
    email: z.email('enter a valid email address, such as name@example.com').max(254),
    timeZone: z.string().max(64).optional().openapi({
      description:
        'The visitor’s IANA time zone (`Europe/Oslo`), so the email shows their clock times; unknown zones fall back to UTC.',
    }),
  })
  .openapi('TranscriptRequest');

export const TranscriptSentSchema = z
  .object({
    sentTo: z.string().openapi({ description: 'The address, masked: `a…@example.com`' }),
  })
  .openapi('TranscriptSent');

/** Nothing to say: the path and the token are the whole request. */
export const EmptyRequestSchema = z.strictObject({}).openapi('EmptyRequest');

/**
 * Any string: a token for another conversation answers 403 and an unknown message id 404,
 * as the handlers decide, never a 400 from the path.
 */
const uuidInPath = (name: string) =>
  z.string().openapi({ param: { name, in: 'path' }, format: 'uuid' });

export const ConversationParamsSchema = z.object({ id: uuidInPath('id') });
export const MessageParamsSchema = z.object({
  id: uuidInPath('id'),
  messageId: uuidInPath('messageId'),
});

export const EventsQuerySchema = z.object({
  token: z.string().optional().openapi({
    description: 'The visitor token, for EventSource clients that cannot send a header',
  }),
});

/** A missing or unknown key answers 404 (as the handler looks it up), not 400. */
export const WidgetConfigQuerySchema = z.object({
  key: z.string().optional().openapi({ description: 'Publishable key (pk_…)' }),
});
