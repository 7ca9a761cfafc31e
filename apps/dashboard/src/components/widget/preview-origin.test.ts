import { describe, expect, it } from 'vitest';
import { originOf, previewAllowed, previewFrameUrl, previewHint } from './preview-origin';

describe('the preview’s origin check', () => {
  it('reads origins as the API stores them', () => {
    expect(originOf('http://localhost:3001/widget')).toBe('http://localhost:3001');
    expect(originOf('shop.example')).toBe('https://shop.example');
    expect(originOf('HTTPS://Shop.Example:443/cart')).toBe('https://shop.example');
    expect(originOf('*.shop.example')).toBeNull();
    expect(originOf('ftp://shop.example')).toBeNull();
    expect(originOf('')).toBeNull();
  });

  it('hints to add the dashboard when it is not an allowed website', () => {
    expect(previewHint('http://localhost:3001', ['https://shop.example'])).toBe(
      'Add http://localhost:3001 to allowed websites to preview.',
    );
    expect(previewHint('http://localhost:3001', [])).toBe(
      'Add http://localhost:3001 to allowed websites to preview.',
    );
  });

  it('has no hint once it is (the demo workspace allows http://localhost:3001)', () => {
    expect(
      previewHint('http://localhost:3001', ['https://shop.example', 'http://localhost:3001']),
    ).toBeNull();
    expect(
      previewAllowed('https://app.replyline.example', ['https://app.replyline.example/']),
    ).toBe(true);
    // Another port is another origin.
    expect(previewAllowed('http://localhost:3001', ['http://localhost:3000'])).toBe(false);
    // Before the browser is known (server render) there is nothing to say yet.
    expect(previewHint(null, [])).toBeNull();
  });

  it('points the frame at the API’s real frame page, for this dashboard as host', () => {
    expect(previewFrameUrl('http://localhost:3000/', 'pk_live_abc', 'http://localhost:3001')).toBe(
      'http://localhost:3000/widget/frame?key=pk_live_abc&host=http%3A%2F%2Flocalhost%3A3001',
    );
    expect(previewFrameUrl('https://example.com/replyline', 'pk', 'https://app.example')).toBe(
      'https://example.com/replyline/widget/frame?key=pk&host=https%3A%2F%2Fapp.example',
    );
  });
});
