/**
 * A small RFC 4180-style reader for the evaluation CSV/TSV files: quoted fields may hold the
 * delimiter, line breaks and doubled quotes (`""`). As in common CSV readers, a quote only opens a
 * quoted field at the start of a field; elsewhere it is an ordinary character.
 */
export function parseDelimited(input: string, delimiter: ',' | '\t'): string[][] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let inQuotes = false;
  let fieldStart = true;

  const endField = () => {
    row.push(field);
    field = '';
    fieldStart = true;
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };

  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] as string;
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 1;
        } else {
          inQuotes = false;
        }
      } else {
        field += ch;
      }
      continue;
    }
    if (ch === '"' && fieldStart) {
      inQuotes = true;
      fieldStart = false;
    } else if (ch === delimiter) {
      endField();
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      endRow();
    } else {
      field += ch;
      fieldStart = false;
    }
  }
  if (inQuotes) throw new Error('Malformed delimited text: a quoted field is never closed');
  // A final line without a trailing newline.
  if (field !== '' || row.length > 0) endRow();
  // Blank lines carry no record.
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}

/** Parses delimited text with a header row into records, checking that `required` columns exist. */
export function parseRecords(
  input: string,
  delimiter: ',' | '\t',
  required: readonly string[],
  what: string,
): Record<string, string>[] {
  const [header, ...body] = parseDelimited(input, delimiter);
  if (!header) throw new Error(`${what}: the file is empty`);
  const columns = header.map((c) => c.trim());
  const missing = required.filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    throw new Error(
      `${what}: missing column(s) ${missing.join(', ')} (found: ${columns.join(', ')})`,
    );
  }
  return body.map((cells, index) => {
    if (cells.length !== columns.length) {
      throw new Error(
        `${what}: record ${index + 1} has ${cells.length} fields, the header has ${columns.length}`,
      );
    }
    return Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? '']));
  });
}
