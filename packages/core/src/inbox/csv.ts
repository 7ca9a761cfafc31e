/** A cell value; null and undefined become empty cells. */
export type CsvValue = string | number | boolean | Date | null | undefined;

/**
 * Cells a spreadsheet would run as a formula (CSV injection): text starting with = + - @, or
 * with a tab or carriage return that some spreadsheets skip before looking. They get a leading
 * apostrophe, which spreadsheets show as text and do not evaluate (OWASP's advice).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function cellText(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value !== 'string') return String(value);
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** RFC 4180: every cell quoted (quotes doubled inside), so commas and line breaks stay in the cell. */
function quoted(value: CsvValue): string {
  return `"${cellText(value).replaceAll('"', '""')}"`;
}

/**
 * CSV text for a header and rows: CRLF line ends, and a UTF-8 byte-order mark so spreadsheet
 * apps read å, ø and ü correctly.
 */
export function toCsv(header: string[], rows: CsvValue[][]): string {
  const lines = [header, ...rows].map((row) => row.map(quoted).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
