import { DomainError } from '../domain-error';
import type { ActionVisitor } from './contract';

/** Personal data is only for a visitor whose identity the API verified (signed). */
export function requireIdentified(visitor: ActionVisitor): void {
  if (!visitor.identified || (!visitor.email && !visitor.externalId))
    throw new DomainError(
      'unauthenticated',
      'Order details are only shown to signed-in customers. Please sign in on the shop and ask again.',
    );
}

/** Order ids the shop vouched for in the signed context (e.g. the orders of the signed-in customer). */
export function signedOrderIds(visitor: ActionVisitor): string[] {
  const ids = visitor.identified ? visitor.context?.orderIds : undefined;
  if (!Array.isArray(ids)) return [];
  return ids.map((id) => normaliseOrderRef(String(id)));
}

/** "#1001", " 1001 " and "1001" name the same order. */
export function normaliseOrderRef(ref: string): string {
  return ref.trim().replace(/^#/, '');
}

export function sameEmail(a: string | null | undefined, b: string | null | undefined): boolean {
  return !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * Defence in depth: even when the model or the visitor names an order, it is shown only if
 * the signed identity owns it (its email, or the order in the signed context).
 */
export function assertOwnsOrder(
  visitor: ActionVisitor,
  order: { ref: string; email?: string | null; customerExternalId?: string | null },
): void {
  const ownsByEmail = sameEmail(visitor.email, order.email);
  const ownsById =
    !!visitor.externalId &&
    !!order.customerExternalId &&
    visitor.externalId === order.customerExternalId;
  const vouched = signedOrderIds(visitor).includes(normaliseOrderRef(order.ref));
  if (!ownsByEmail && !ownsById && !vouched)
    throw new DomainError(
      'forbidden',
      'That order is not on your account, so its details cannot be shown here.',
    );
}
