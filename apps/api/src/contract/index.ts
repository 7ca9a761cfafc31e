// The public API's contract. The widget imports it with `import type` only, so none of the
// schema code reaches its bundle.
import type { z } from '@hono/zod-openapi';
import type {
  AgentSchema,
  BrandingSchema,
  ErrorBodySchema,
  EscalateRequestSchema,
  HandoffLineSchema,
  HandoffStateSchema,
  IdentitySchema,
  MessageListSchema,
  MessageSchema,
  RoleSchema,
  SessionSchema,
  SourceSchema,
  StartConversationRequestSchema,
  StatusSchema,
  TicketSchema,
  TranscriptRequestSchema,
  TranscriptSentSchema,
  WidgetProfileSchema,
} from './schemas';

export * from './schemas';

export type ErrorBody = z.infer<typeof ErrorBodySchema>;
export type Branding = z.infer<typeof BrandingSchema>;
export type WidgetProfile = z.infer<typeof WidgetProfileSchema>;
export type Source = z.infer<typeof SourceSchema>;
export type Role = z.infer<typeof RoleSchema>;
export type Status = z.infer<typeof StatusSchema>;
export type HandoffState = z.infer<typeof HandoffStateSchema>;
export type HandoffLine = z.infer<typeof HandoffLineSchema>;
export type Agent = z.infer<typeof AgentSchema>;
export type Message = z.infer<typeof MessageSchema>;
export type Identity = z.input<typeof IdentitySchema>;
/** What a client sends: the request's input type (before trimming and defaults). */
export type StartConversationRequest = z.input<typeof StartConversationRequestSchema>;
export type Session = z.infer<typeof SessionSchema>;
export type MessageList = z.infer<typeof MessageListSchema>;
export type EscalateRequest = z.input<typeof EscalateRequestSchema>;
export type Ticket = z.infer<typeof TicketSchema>;
export type TranscriptRequest = z.input<typeof TranscriptRequestSchema>;
export type TranscriptSent = z.infer<typeof TranscriptSentSchema>;
