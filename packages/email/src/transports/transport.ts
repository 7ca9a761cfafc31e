/** One rendered email, ready to hand to a provider. */
export interface OutgoingEmail {
  /** The `outbound_emails` row id; providers use it as the idempotency key. */
  id: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Where the recipient's answer goes (a ticket's signed reply address); unset: the sender. */
  replyTo?: string;
  /** Files to attach, content in base64. */
  attachments?: { filename: string; contentType: string; content: string }[];
}

export interface TransportResult {
  /** 'sent': a provider accepted it; 'outbox': kept here for a developer to read, not delivered. */
  status: 'sent' | 'outbox';
  providerMessageId: string | null;
}

/** Where emails go. Throws `EmailSendError` (or any error) when the email did not go out. */
export interface EmailTransport {
  readonly name: string;
  send(email: OutgoingEmail): Promise<TransportResult>;
}
