export type CustomerKind = 'email' | 'visitorId';

/** What `settings.exportCustomer` / `deleteCustomer` take for one identifier. */
export function customerInput(
  kind: CustomerKind,
  value: string,
): { email?: string; visitorId?: string } {
  const trimmed = value.trim();
  return kind === 'email' ? { email: trimmed } : { visitorId: trimmed };
}

/**
 * Erasure cannot be undone, so the admin types the identifier a second time. Emails compare
 * without case (the server matches them so); visitor ids exactly.
 */
export function confirmationMatches(kind: CustomerKind, value: string, typed: string): boolean {
  const a = value.trim();
  const b = typed.trim();
  if (!a) return false;
  return kind === 'email' ? a.toLowerCase() === b.toLowerCase() : a === b;
}

/** A file name for a customer's data export, without characters file systems refuse. */
export function customerExportFilename(value: string, now: Date = new Date()): string {
  const safe =
    value
      .trim()
      .replace(/[^a-zA-Z0-9@._-]+/g, '_')
      .slice(0, 80) || 'customer';
  return `customer-data-${safe}-${now.toISOString().slice(0, 10)}.json`;
}

/** "3 conversations, 41 messages, 1 ticket…": what an erasure removed, for the admin. */
export function describeErasure(counts: Record<string, number>): string {
  const parts = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([what, n]) => `${n} ${n === 1 ? what.replace(/s$/, '') : what}`);
  return parts.length ? `Deleted ${parts.join(', ')}.` : 'Nothing was stored about this customer.';
}

/** An audit entry in words: the action and what it was done to. */
export function describeAudit(entry: {
  action: string;
  targetType: string | null;
  targetId: string | null;
}): string {
  const target = entry.targetType
    ? ` (${entry.targetType}${entry.targetId ? ` ${entry.targetId.slice(0, 12)}` : ''})`
    : '';
  return `${entry.action}${target}`;
}
