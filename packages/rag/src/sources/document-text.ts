import mammoth from 'mammoth';
import { IngestionError } from '../errors';
import { htmlToMarkdown } from '../web/html-to-markdown';
import { extractPage } from '../web/extract-page';

/**
 * A stored non-PDF file as Markdown-ish text: Word files through mammoth (headings kept),
 * HTML files through the same main-content extraction as crawled pages; text, Markdown and
 * crawled pages (stored already extracted) as they are.
 */
export async function documentText(source: { kind: string; bytes: Buffer }): Promise<string> {
  if (source.kind === 'docx') return docxText(source.bytes);
  const text = decodeUtf8(source.bytes);
  if (source.kind === 'html') return extractPage(text, 'https://upload.invalid/').text;
  return text;
}

async function docxText(bytes: Buffer): Promise<string> {
  try {
    const { value } = await mammoth.convertToHtml({ buffer: bytes });
    return htmlToMarkdown(value);
  } catch {
    throw new IngestionError(
      'malformed',
      'The Word file could not be read; it may be damaged or not a .docx file. Save it again as .docx and upload it anew.',
    );
  }
}

function decodeUtf8(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new IngestionError(
      'malformed',
      'The file is not UTF-8 text; save it as UTF-8 and upload it anew.',
    );
  }
}
