/** "14 Mar 2026, 09:05 UTC": unambiguous for readers in any country. */
export function formatTime(at: Date, timeZone: string): string {
  const formatted = new Intl.DateTimeFormat('en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(at);
  return `${formatted} ${timeZone === 'UTC' ? 'UTC' : `(${timeZone})`}`;
}

export function formatNumber(value: number): string {
  return new Intl.NumberFormat('en-US').format(value);
}

/** Minor units (cents) in, "$49.00" / "€49.00" out. */
export function formatMoney(amountMinor: number, currency: string): string {
  const format = new Intl.NumberFormat('en-US', { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amountMinor / 10 ** digits);
}

/** A price in US dollars that may be a fraction of a cent: 0.015 -> "$0.015", 2 -> "$2.00". */
export function formatUsd(value: number): string {
  return new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: 'USD',
    minimumFractionDigits: 2,
    maximumFractionDigits: 4,
  }).format(value);
}
