import type { Database, PgBoss } from '@replyline/db';
import type { z } from 'zod';

/** Who is asking: only a signed identity (verified by the API) counts as "identified". */
export interface ActionVisitor {
  conversationId: string;
  identified: boolean;
  email?: string; // from the signed identity only
  externalId?: string; // the signed user id
  context?: Record<string, unknown>; // signed context (e.g. orderIds, cart) when identified
}

export interface ActionRunContext {
  tenantId: string;
  visitor: ActionVisitor;
  /** The tenant's saved settings for this integration (decrypted secrets included). */
  settings: Record<string, unknown>;
  signal?: AbortSignal;
  now?: () => Date;
  /**
   * The database (app role) and the job queue: integrations with side effects that outlive the
   * call (booking stores a row, sends email, schedules reminders) need them; the others ignore them.
   */
  services?: IntegrationServices;
}

export interface IntegrationServices {
  db: Database;
  queue: Pick<PgBoss, 'send' | 'cancel'>;
}

/** What the widget renders and the transcript stores. */
export type ActionCard =
  | {
      type: 'order';
      orderId: string;
      status: string;
      placedAt?: string;
      total?: string;
      items: { name: string; quantity: number }[];
      trackingUrl?: string;
    }
  | { type: 'slots'; actionName: string; slots: { start: string; end: string }[]; timezone: string }
  | {
      type: 'booking';
      bookingId: string;
      start: string;
      end: string;
      summary: string;
      status: 'confirmed' | 'cancelled';
    }
  | { type: 'quote'; lines: { label: string; amount: string }[]; total: string; note?: string }
  | { type: 'result'; title: string; fields: { label: string; value: string }[] }
  | { type: 'error'; message: string };

export interface BuiltInIntegration<P extends z.ZodTypeAny = z.ZodTypeAny> {
  /** Stable id, e.g. 'woocommerce.order_status', 'shopify.order_status', 'booking.find_slots', 'booking.book', 'booking.cancel'. */
  kind: string;
  /** Shown to the model as the tool description and to the owner in the dashboard. */
  description: string;
  /** Parameters the model or the visitor supplies (zod; converted to JSON schema for tool calling). */
  parameters: P;
  /** Settings the owner fills in (zod); secrets are marked in `secretSettings`. */
  settings: z.ZodTypeAny;
  secretSettings: string[];
  requiresIdentity: boolean;
  /** True when running it changes something (booking): the visitor confirms first. */
  sideEffects: boolean;
  run(ctx: ActionRunContext, params: z.infer<P>): Promise<ActionCard>;
}
