// OpenAPI 3.1 description of the public widget API, served at GET /v1/openapi.json.
// Kept beside the routes it describes; a test checks every route here exists and vice versa.

const error = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});
const json = (schema: object) => ({ 'application/json': { schema } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const conversationId = {
  name: 'id',
  in: 'path',
  required: true,
  schema: { type: 'string', format: 'uuid' },
};
const bearer = [{ visitorToken: [] }];

export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Replyline public widget API',
    version: '1.0.0',
    description:
      'What the chat widget uses: start or resume a conversation with a publishable key, send messages and read answers as Server-Sent Events, follow agent replies live, give feedback and ask for a human. Browser calls must come from a website on the tenant’s allow-list (Origin header). Every error is JSON `{ error: { code, message, requestId } }` with a matching HTTP status.',
  },
  components: {
    securitySchemes: {
      visitorToken: {
        type: 'http',
        scheme: 'bearer',
        description:
          'The `token` returned by POST /v1/conversations; valid for one conversation and 24 hours. The events stream also accepts `?token=`.',
      },
    },
    schemas: {
      Error: {
        type: 'object',
        required: ['error'],
        properties: {
          error: {
            type: 'object',
            required: ['code', 'message', 'requestId'],
            properties: {
              code: { type: 'string' },
              message: { type: 'string' },
              requestId: { type: 'string' },
            },
          },
        },
      },
      Branding: {
        type: 'object',
        properties: {
          primaryColor: { type: 'string' },
          accentColor: { type: 'string' },
          logoUrl: { type: 'string' },
          avatarUrl: { type: 'string' },
          greeting: { type: 'string' },
          launcherText: { type: 'string' },
          position: { enum: ['bottom-right', 'bottom-left'] },
          suggestedQuestions: { type: 'array', items: { type: 'string' } },
        },
      },
      WidgetProfile: {
        type: 'object',
        properties: {
          name: { type: 'string' },
          language: { type: 'string' },
          assistantName: { type: 'string' },
          branding: ref('Branding'),
        },
      },
      Source: {
        type: 'object',
        properties: {
          n: { type: 'integer', description: 'The [n] marker used in the answer text.' },
          documentId: { type: 'string' },
          title: { type: 'string' },
          page: { type: ['integer', 'null'] },
          heading: { type: ['string', 'null'] },
        },
      },
      Message: {
        type: 'object',
        properties: {
          id: { type: 'string', format: 'uuid' },
          role: { enum: ['visitor', 'assistant', 'agent', 'system'] },
          content: { type: 'string', description: 'Markdown; render safely (no raw HTML).' },
          sources: { type: 'array', items: ref('Source') },
          feedback: { enum: [1, -1, null] },
          authorName: { type: ['string', 'null'] },
          createdAt: { type: 'string', format: 'date-time' },
        },
      },
      Identity: {
        description:
          'An identified visitor, refused with 401 when not valid (never downgraded to an anonymous chat). An identified conversation resumes only for the same signed identity, never for the visitor id alone. Preferred: `{ token }`, a JWT the host site’s server signs with HS256 and the tenant’s identity secret, with `sub` (user id) and/or `email`, optional `name` and `context` {plan, orderIds, cart, page}, and `iat` + `exp` at most 24 hours apart (401 `identity_expired` once expired, `identity_lifetime_too_long` past 24 hours). Older: the lowercase hex HMAC-SHA256 of `userId` (or of the lower-cased `email`) as `signature`; it signs the user only, so any name or context beside it is ignored.',
        oneOf: [
          {
            type: 'object',
            required: ['token'],
            properties: { token: { type: 'string', maxLength: 4096 } },
          },
          {
            type: 'object',
            required: ['signature'],
            properties: {
              userId: { type: 'string' },
              email: { type: 'string', format: 'email' },
              signature: { type: 'string' },
            },
          },
        ],
      },
    },
  },
  paths: {
    '/v1/widget/config': {
      get: {
        summary: 'Branding for the launcher (CORS, allowed websites only)',
        parameters: [{ name: 'key', in: 'query', required: true, schema: { type: 'string' } }],
        responses: {
          200: { description: 'The tenant’s public profile', content: json(ref('WidgetProfile')) },
          403: error('The page’s origin is not on the allow-list'),
          404: error('Unknown publishable key'),
        },
      },
    },
    '/v1/conversations': {
      post: {
        summary: 'Start or resume the visitor’s conversation',
        description:
          'Resumes the visitor’s unresolved conversation with its history, or returns the id and token of a new one that is stored with its first message (or an escalation); until then its history and events are empty and rating it answers 404.',
        requestBody: {
          required: true,
          content: json({
            type: 'object',
            required: ['key', 'visitorId'],
            properties: {
              key: { type: 'string', description: 'Publishable key (pk_…)' },
              visitorId: { type: 'string', pattern: '^[A-Za-z0-9_-]{8,128}$' },
              hostOrigin: {
                type: 'string',
                description: 'The embedding website, when called from the chat iframe',
              },
              language: { type: 'string' },
              identity: ref('Identity'),
            },
          }),
        },
        responses: {
          200: {
            description: 'The conversation, its history and a visitor token',
            content: json({
              type: 'object',
              properties: {
                conversationId: { type: 'string', format: 'uuid' },
                token: { type: 'string' },
                resumed: { type: 'boolean' },
                status: { enum: ['open', 'escalated', 'resolved'] },
                botPaused: { type: 'boolean' },
                identified: { type: 'boolean' },
                messages: { type: 'array', items: ref('Message') },
              },
            }),
          },
          400: error('Invalid request'),
          401: error(
            'Identity not valid or expired, or the tenant requires an identity and none was sent (`identity_required`)',
          ),
          403: error('Origin not allowed'),
          404: error('Unknown publishable key'),
          429: error('Too many conversations started from this address (per minute or hour)'),
        },
      },
    },
    '/v1/conversations/{id}/messages': {
      get: {
        summary: 'Conversation history, oldest first',
        security: bearer,
        parameters: [conversationId],
        responses: {
          200: {
            description: 'Messages',
            content: json({
              type: 'object',
              properties: { messages: { type: 'array', items: ref('Message') } },
            }),
          },
          401: error('Missing, invalid or expired token'),
        },
      },
      post: {
        summary: 'Send a message; the answer streams back as Server-Sent Events',
        description:
          'Events: `visitor_message` {id, createdAt}; `token` {text} (many); `sources` {sources: Source[]}; `done` {messageId, escalationSuggested, reason, handledByHuman}; or `error` {code, message} instead of `done`. While a human agent has taken over, the stream is `visitor_message` then `done` with handledByHuman true.',
        security: bearer,
        parameters: [conversationId],
        requestBody: {
          required: true,
          content: json({
            type: 'object',
            required: ['text'],
            properties: { text: { type: 'string', maxLength: 4000 } },
          }),
        },
        responses: {
          200: {
            description: 'The answer stream',
            content: { 'text/event-stream': { schema: { type: 'string' } } },
          },
          400: error('Empty or invalid message'),
          401: error('Missing, invalid or expired token'),
          402: error('The tenant’s plan has no AI replies left this month: offer the human form'),
          413: error('Message too long'),
          429: error(
            'Rate limited (see retry-after): messages per visitor or signed user, IP or tenant; AI replies per IP (anonymous visitors), per signed user, or the anonymous visitors’ daily share of the plan’s replies; or too many answers streaming at once',
          ),
        },
      },
    },
    '/v1/conversations/{id}/events': {
      get: {
        summary: 'Live updates: new messages (agent replies) and status changes',
        description:
          'Server-Sent Events: `message` (a Message) and `status` {status, botPaused}; `: keep-alive` comments every 20 s. A few streams may be open at once per visitor (all API processes together); more answer 429.',
        security: bearer,
        parameters: [
          conversationId,
          { name: 'token', in: 'query', required: false, schema: { type: 'string' } },
        ],
        responses: {
          200: {
            description: 'The event stream',
            content: { 'text/event-stream': { schema: { type: 'string' } } },
          },
          401: error('Missing, invalid or expired token'),
          429: error('Too many event streams open for this visitor'),
        },
      },
    },
    '/v1/conversations/{id}/messages/{messageId}/feedback': {
      post: {
        summary: 'Thumbs up (1), down (-1) or cleared (0) on one answer',
        security: bearer,
        parameters: [
          conversationId,
          {
            name: 'messageId',
            in: 'path',
            required: true,
            schema: { type: 'string', format: 'uuid' },
          },
        ],
        requestBody: {
          required: true,
          content: json({
            type: 'object',
            required: ['value'],
            properties: { value: { enum: [1, -1, 0] } },
          }),
        },
        responses: {
          204: { description: 'Saved' },
          404: error('No such answer in this conversation'),
        },
      },
    },
    '/v1/conversations/{id}/rating': {
      post: {
        summary: 'CSAT for the conversation (1–5)',
        security: bearer,
        parameters: [conversationId],
        requestBody: {
          required: true,
          content: json({
            type: 'object',
            required: ['rating'],
            properties: {
              rating: { type: 'integer', minimum: 1, maximum: 5 },
              comment: { type: 'string' },
            },
          }),
        },
        responses: {
          204: { description: 'Saved' },
          400: error('Rating outside 1–5'),
          404: error('Nothing to rate yet: the conversation has no message'),
        },
      },
    },
    '/v1/conversations/{id}/escalate': {
      post: {
        summary: 'Talk to a human: opens a ticket (also before the first message)',
        security: bearer,
        parameters: [conversationId],
        requestBody: {
          required: true,
          content: json({
            type: 'object',
            required: ['email', 'message'],
            properties: {
              email: { type: 'string', format: 'email' },
              name: { type: 'string' },
              message: { type: 'string' },
            },
          }),
        },
        responses: {
          201: {
            description: 'Ticket created',
            content: json({ type: 'object', properties: { ticketNumber: { type: 'integer' } } }),
          },
          400: error('Invalid email or empty message'),
        },
      },
    },
    '/v1/stripe/webhook': {
      post: {
        summary: 'Stripe webhook endpoint (for Stripe only)',
        description:
          'Checked with the Stripe-Signature header on the raw body. Handles checkout.session.completed, customer.subscription.created/updated/deleted, invoice.paid and invoice.payment_failed; each event is applied once.',
        responses: {
          200: { description: 'Received' },
          400: error('Missing, forged, tampered or stale signature'),
          503: error('Billing is not configured'),
        },
      },
    },
  },
} as const;
