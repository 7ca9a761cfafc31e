/** "49.90" + "EUR" -> "€49.90"; an unknown currency code is written after the amount. */
export function formatMoney(amount: string, currency: string | undefined): string {
  const value = Number(amount);
  if (!currency || !Number.isFinite(value)) return amount;
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).format(value);
  } catch {
    return `${amount} ${currency}`;
  }
}

/** "on-hold" / "PARTIALLY_FULFILLED" -> "On hold" / "Partially fulfilled". */
export function humanStatus(status: string): string {
  const words = status.replace(/[-_]+/g, ' ').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
