import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { IngestionError } from '../errors';

export const ZFaqEntry = z.object({
  question: z.string().trim().min(3, 'a question needs at least 3 characters').max(1_000),
  answer: z.string().trim().min(1, 'an answer cannot be empty').max(20_000),
});
export type TFaqEntry = z.infer<typeof ZFaqEntry>;

/** Most imports stay far below this; it bounds the work one request can start. */
export const MAX_FAQ_IMPORT = 5_000;

const QUESTION_HEADERS = ['question', 'q', 'fråga', 'fraga', 'spørsmål', 'sporsmal', 'frage'];
const ANSWER_HEADERS = ['answer', 'a', 'svar', 'antwort'];

/**
 * FAQ entries from CSV: a header row naming the question and answer columns (English, Swedish,
 * Norwegian or German names), or, without one, the first two columns. Comma, semicolon or tab.
 */
export function parseFaqCsv(csv: string): TFaqEntry[] {
  let rows: string[][];
  try {
    const text = csv.replace(/^\uFEFF/, '');
    rows = parse(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as string[][];
  } catch (error) {
    throw new IngestionError(
      'invalid_input',
      `The CSV could not be read: ${(error as Error).message}`,
    );
  }
  const header = rows[0]?.map((cell) => cell.toLowerCase()) ?? [];
  const questionColumn = header.findIndex((cell) => QUESTION_HEADERS.includes(cell));
  const answerColumn = header.findIndex((cell) => ANSWER_HEADERS.includes(cell));
  const hasHeader = questionColumn >= 0 && answerColumn >= 0;
  const body = hasHeader ? rows.slice(1) : rows;
  return validateEntries(
    body.map((row) => ({
      question: row[hasHeader ? questionColumn : 0] ?? '',
      answer: row[hasHeader ? answerColumn : 1] ?? '',
    })),
    (index) => `row ${index + (hasHeader ? 2 : 1)}`,
  );
}

/** The delimiter used most on the first line: spreadsheets export commas, semicolons or tabs. */
function detectDelimiter(text: string): string {
  const firstLine = (text.split('\n', 1)[0] ?? '').replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

/** FAQ entries from Markdown: each `## Question` heading, with the text under it as the answer. */
export function parseFaqMarkdown(markdown: string): TFaqEntry[] {
  const entries: { question: string; answer: string }[] = [];
  for (const line of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    const heading = /^##\s+(.+?)\s*#*\s*$/.exec(line);
    if (heading) entries.push({ question: heading[1]!, answer: '' });
    else if (entries.length > 0) entries.at(-1)!.answer += `${line}\n`;
  }
  if (entries.length === 0) {
    throw new IngestionError(
      'invalid_input',
      'No FAQ entries found: write each question as a "## Question" heading with its answer below.',
    );
  }
  return validateEntries(
    entries,
    (index) => `entry ${index + 1} ("${entries[index]!.question.slice(0, 40)}")`,
  );
}

function validateEntries(
  raw: { question: string; answer: string }[],
  where: (index: number) => string,
): TFaqEntry[] {
  if (raw.length === 0) throw new IngestionError('invalid_input', 'The file has no FAQ entries.');
  if (raw.length > MAX_FAQ_IMPORT) {
    throw new IngestionError(
      'invalid_input',
      `The file has ${raw.length} entries; one import takes at most ${MAX_FAQ_IMPORT}.`,
    );
  }
  return raw.map((entry, index) => {
    const parsed = ZFaqEntry.safeParse(entry);
    if (!parsed.success)
      throw new IngestionError(
        'invalid_input',
        `${where(index)}: ${parsed.error.issues[0]!.message}.`,
      );
    return parsed.data;
  });
}
