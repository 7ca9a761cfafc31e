import { describe, expect, it } from 'vitest';
import { checkedKind } from './upload-document';

const bytes = (text: string, encoding: BufferEncoding = 'utf8') => Buffer.from(text, encoding);
const refusal = (filename: string, content: Uint8Array) => {
  try {
    checkedKind(filename, content);
    return null;
  } catch (error) {
    const { code, message } = error as { code: string; message: string };
    return { code, message };
  }
};

describe('the kind of an uploaded file', () => {
  it('comes from its name when its bytes agree', () => {
    expect(checkedKind('Prices.PDF', bytes('%PDF-1.7 ...'))).toBe('pdf');
    expect(checkedKind('notes.docx', bytes('PK\u0003\u0004...'))).toBe('docx');
    expect(checkedKind('page.htm', bytes('<p>Hei</p>'))).toBe('html');
    expect(checkedKind('README.markdown', bytes('# Title'))).toBe('markdown');
    expect(checkedKind('notes.txt', bytes('Plain words'))).toBe('text');
    expect(checkedKind('scan', bytes('%PDF-1.4'))).toBe('pdf');
  });

  it('refuses renamed, binary, non-UTF-8 and unknown files with a reason', () => {
    expect(refusal('report.docx', bytes('%PDF-1.7'))).toEqual({
      code: 'unsupported_media_type',
      message:
        '"report.docx" is not a Word .docx file (older .doc files: save them as .docx first).',
    });
    expect(refusal('report.pdf', bytes('PK\u0003\u0004'))?.code).toBe('unsupported_media_type');
    expect(refusal('setup.exe', bytes('MZ\u0090'))).toEqual({
      code: 'unsupported_media_type',
      message:
        '"setup.exe" is not a file type we read. Upload PDF, Word (.docx), HTML, Markdown or plain-text files.',
    });
    expect(refusal('image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]))?.code).toBe(
      'bad_input',
    );
    expect(refusal('data.txt', bytes('ab\u0000cd'))?.code).toBe('unsupported_media_type');
    expect(refusal('menu.md', bytes('Caf\u00e9', 'latin1'))).toEqual({
      code: 'bad_input',
      message: '"menu.md" is not UTF-8 text; save it as UTF-8 and upload it again.',
    });
  });
});
