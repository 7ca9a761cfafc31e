import type { ReactElement } from 'react';
import type { z } from 'zod';

/**
 * One email: its props (a zod schema, because jobs and API callers hand props over as JSON),
 * its subject line, the preview line inboxes show next to the subject, why the reader got it
 * (the footer), and the content that goes inside the shared layout.
 */
export interface EmailTemplate<S extends z.ZodType = z.ZodType> {
  name: string;
  schema: S;
  subject(props: z.output<S>): string;
  preview(props: z.output<S>): string;
  reason(props: z.output<S>): string;
  /** Who the email is from, at the top: the workspace for customer emails, else "Replyline". */
  sender?(props: z.output<S>): string;
  Content(props: z.output<S>): ReactElement;
}

export function defineTemplate<S extends z.ZodType>(template: EmailTemplate<S>): EmailTemplate<S> {
  return template;
}
