import { copyMessage, copyText } from '@replyline/ui/copy-text';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { EmbedSnippet } from './embed-snippet';

const SNIPPET = '<script src="http://localhost:3000/widget.js" data-key="pk_demo" async></script>';

describe('copying the embed snippet', () => {
  it('writes the snippet to the clipboard', async () => {
    const written: string[] = [];
    const clipboard = { writeText: async (text: string) => void written.push(text) };
    expect(await copyText(SNIPPET, clipboard)).toBe(true);
    expect(written).toEqual([SNIPPET]);
    expect(copyMessage('copied', 'Snippet')).toBe('Snippet copied to the clipboard.');
  });

  it('asks the person to copy by hand when the browser refuses or has no clipboard', async () => {
    const refusing = { writeText: async () => Promise.reject(new Error('NotAllowedError')) };
    expect(await copyText(SNIPPET, refusing)).toBe(false);
    expect(await copyText(SNIPPET, undefined)).toBe(false);
    expect(copyMessage('failed', 'Snippet')).toMatch(/select the snippet and press Ctrl\+C/);
    expect(copyMessage('idle', 'Snippet')).toBe('');
  });

  it('shows the snippet as text (escaped) with a copy button and a live region', () => {
    const html = renderToString(<EmbedSnippet snippet={SNIPPET} />);
    expect(html).toContain(
      '&lt;script src=&quot;http://localhost:3000/widget.js&quot; data-key=&quot;pk_demo&quot; async&gt;&lt;/script&gt;',
    );
    expect(html).toMatch(/<button type="button"[^>]*>Copy snippet<\/button>/);
    expect(html).toContain('role="status"');
  });

  it('says why there is no snippet when the API’s address is unknown', () => {
    expect(renderToString(<EmbedSnippet snippet={null} />)).toMatch(
      /public address of the Replyline API/,
    );
  });
});
