import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  percentOf,
  refuseBeforeUpload,
  uploadsReducer,
  type UploadAction,
  type UploadItem,
} from './upload-state';

const run = (actions: UploadAction[], state: UploadItem[] = []) =>
  actions.reduce(uploadsReducer, state);

const MB = 1024 * 1024;

describe('upload progress', () => {
  it('follows a file from 0 % to sent, then to the server’s answer', () => {
    const added = run([{ type: 'add', id: 'a', name: 'Price list.pdf', size: 2_000 }]);
    expect(added).toEqual([
      expect.objectContaining({ id: 'a', loaded: 0, phase: 'uploading', message: null }),
    ]);
    expect(percentOf(added[0]!)).toBe(0);

    const halfway = run([{ type: 'progress', id: 'a', loaded: 1_000 }], added);
    expect(percentOf(halfway[0]!)).toBe(50);

    const done = run(
      [
        {
          type: 'done',
          id: 'a',
          result: { documentId: 'doc-1', status: 'queued', duplicate: false, error: null },
        },
      ],
      halfway,
    );
    expect(done[0]).toMatchObject({ phase: 'done', documentId: 'doc-1', loaded: 2_000 });
    expect(done[0]!.message).toMatch(/Processing starts/);
    expect(percentOf(done[0]!)).toBe(100);
  });

  it('never goes backwards or past the file (multipart adds bytes)', () => {
    const state = run([
      { type: 'add', id: 'a', name: 'a.pdf', size: 1_000 },
      { type: 'progress', id: 'a', loaded: 600 },
      { type: 'progress', id: 'a', loaded: 300 },
    ]);
    expect(state[0]!.loaded).toBe(600);
    expect(run([{ type: 'progress', id: 'a', loaded: 1_400 }], state)[0]!.loaded).toBe(1_000);
  });

  it('keeps each file’s state apart', () => {
    const state = run([
      { type: 'add', id: 'a', name: 'a.pdf', size: 100 },
      { type: 'add', id: 'b', name: 'b.pdf', size: 100 },
      { type: 'progress', id: 'b', loaded: 40 },
      { type: 'failed', id: 'a', message: 'The upload was interrupted.' },
    ]);
    expect(state.map((i) => [i.id, i.phase, i.loaded, i.message])).toEqual([
      ['a', 'failed', 0, 'The upload was interrupted.'],
      ['b', 'uploading', 40, null],
    ]);
    expect(run([{ type: 'clearFinished' }], state).map((i) => i.id)).toEqual(['b']);
  });

  it('shows a failed document’s reason and a duplicate as such', () => {
    const base = run([{ type: 'add', id: 'a', name: 'a.pdf', size: 10 }]);
    const failed = run(
      [
        {
          type: 'done',
          id: 'a',
          result: {
            documentId: 'd',
            status: 'failed',
            duplicate: false,
            error: 'The file is 30 MB; the limit is 20 MB.',
          },
        },
      ],
      base,
    );
    expect(failed[0]).toMatchObject({
      phase: 'failed',
      message: 'The file is 30 MB; the limit is 20 MB.',
    });
    const duplicate = run(
      [
        {
          type: 'done',
          id: 'a',
          result: { documentId: 'd', status: 'ready', duplicate: true, error: null },
        },
      ],
      base,
    );
    expect(duplicate[0]!.message).toBe('Already in your knowledge; nothing new was added.');
  });
});

describe('checks before sending', () => {
  it('refuses other files, empty ones and ones over the limit, saying why', () => {
    const pdf = { name: 'Policy.PDF', type: '', size: MB };
    expect(refuseBeforeUpload(pdf, 20 * MB)).toBeNull();
    expect(
      refuseBeforeUpload({ name: 'notes.doc', type: 'application/msword', size: 10 }, MB),
    ).toBe(
      '"notes.doc" is not a file type we read. Upload PDF, Word (.docx), HTML, Markdown or plain-text files.',
    );
    expect(refuseBeforeUpload({ name: 'Notes.DOCX', type: '', size: 10 }, MB)).toBeNull();
    expect(refuseBeforeUpload({ ...pdf, size: 0 }, MB)).toBe('"Policy.PDF" is empty.');
    expect(refuseBeforeUpload({ ...pdf, size: 25.4 * MB }, 20 * MB)).toBe(
      '"Policy.PDF" is 25 MB; the limit is 20 MB.',
    );
  });

  it('formats sizes the way people read them', () => {
    expect([512, 2_048, 1.5 * MB, 20 * MB].map(formatBytes)).toEqual([
      '512 B',
      '2 KB',
      '1.5 MB',
      '20 MB',
    ]);
  });
});
