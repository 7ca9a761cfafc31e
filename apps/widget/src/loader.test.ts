import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MockInstance } from 'vitest';
import type { ReplylineFn } from './loader';

const SRC = 'https://api.example.test:8443/static/widget.js?v=3';
const ORIGIN = 'https://api.example.test:8443';
const HOST = 'replyline-widget';
/** location.origin of the test page (vitest.config.ts), url-encoded as the loader sends it. */
const PAGE_HOST = encodeURIComponent('https://shop.example.test');

let warn: MockInstance<typeof console.warn>;
/** GET /v1/widget/config; by default it answers at once with the default branding. */
let fetchMock: ReturnType<typeof vi.fn<typeof fetch>>;

/** A config answer that settles in microtasks only (so it also works under fake timers). */
function quickConfig(body: unknown = { branding: {} }): Response {
  return { ok: true, status: 200, json: () => Promise.resolve(body) } as Response;
}

/** Lets promise callbacks run (the loader's config answer, when it is a quick one). */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

/** Runs the loader as a fresh <script> execution would (module state reset each time). */
async function load(): Promise<void> {
  vi.resetModules();
  await import('./loader');
  await settle();
}

function addScript(
  attrs: Record<string, string>,
  parent: HTMLElement = document.head,
): HTMLScriptElement {
  const script = document.createElement('script');
  for (const [name, value] of Object.entries(attrs)) script.setAttribute(name, value);
  parent.appendChild(script);
  return script;
}

function setCurrentScript(script: HTMLScriptElement | null): void {
  Object.defineProperty(document, 'currentScript', { configurable: true, get: () => script });
}

function setReadyState(state: DocumentReadyState): void {
  Object.defineProperty(document, 'readyState', { configurable: true, get: () => state });
}

/** The loader as pasted by a business, running as document.currentScript. */
function addOwnScript(
  attrs: Record<string, string> = { src: SRC, 'data-key': 'pk_test_123', async: '' },
) {
  const script = addScript(attrs);
  setCurrentScript(script);
  return script;
}

function hosts(): HTMLElement[] {
  return Array.from(document.querySelectorAll<HTMLElement>(HOST));
}

function shadow(): ShadowRoot {
  const all = hosts();
  expect(all).toHaveLength(1);
  const root = all[0]!.shadowRoot;
  expect(root).not.toBeNull();
  return root!;
}

function launcher(): HTMLButtonElement {
  const button = shadow().querySelector<HTMLButtonElement>('button[aria-label="Open chat"]');
  expect(button).not.toBeNull();
  return button!;
}

function frames(): HTMLIFrameElement[] {
  return Array.from(shadow().querySelectorAll('iframe'));
}

function panel(): HTMLElement {
  const id = launcher().getAttribute('aria-controls');
  expect(id).toBeTruthy();
  const element = shadow().getElementById(id!);
  expect(element).not.toBeNull();
  return element!;
}

function cssText(root: ShadowRoot): string {
  const adopted = (root.adoptedStyleSheets ?? [])
    .map((sheet) => Array.from(sheet.cssRules, (rule) => rule.cssText).join('\n'))
    .join('\n');
  const inline = Array.from(
    root.querySelectorAll('style'),
    (style) => style.textContent ?? '',
  ).join('\n');
  return adopted + '\n' + inline;
}

function warnings(): string[] {
  return warn.mock.calls.map((call) => String(call[0]));
}

beforeEach(() => {
  document.head.innerHTML = '';
  if (!document.body) document.documentElement.appendChild(document.createElement('body'));
  document.body.innerHTML = '';
  delete window.Replyline;
  setCurrentScript(null);
  document.documentElement.lang = '';
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  fetchMock = vi.fn<typeof fetch>(() => Promise.resolve(quickConfig()));
  localStorage.clear();
  vi.stubGlobal('fetch', fetchMock);
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  delete (document as { currentScript?: unknown }).currentScript;
  delete (document as { readyState?: unknown }).readyState;
  if (!document.body) document.documentElement.appendChild(document.createElement('body'));
});

describe('finding its own script tag', () => {
  it('missing data-key: warns and renders nothing', async () => {
    addOwnScript({ src: SRC, async: '' });
    await load();
    expect(hosts()).toHaveLength(0);
    expect(document.body.innerHTML).toBe('');
    expect(window.Replyline).toBeUndefined();
    expect(warnings()).toEqual([expect.stringMatching(/^\[replyline\] .*data-key/)]);
  });

  it('blank data-key counts as missing', async () => {
    addOwnScript({ src: SRC, 'data-key': '   ' });
    await load();
    expect(hosts()).toHaveLength(0);
    expect(warnings()).toEqual([expect.stringMatching(/^\[replyline\] .*data-key/)]);
  });

  it('no currentScript and no widget script on the page: warns and renders nothing', async () => {
    addScript({ src: 'https://cdn.example.test/other.js', 'data-key': 'pk_other' });
    await load();
    expect(hosts()).toHaveLength(0);
    expect(warnings()).toEqual([expect.stringMatching(/^\[replyline\] /)]);
  });

  it('without currentScript, falls back to the last .../widget.js script that has a data-key', async () => {
    addScript({ src: 'https://old.example.test/widget.js', 'data-key': 'pk_first' });
    addScript(
      { src: 'https://api.example.test/v2/widget.js', 'data-key': 'pk_last' },
      document.body,
    );
    addScript({ src: 'https://api.example.test/widget.js' }); // no data-key
    addScript({ src: 'https://cdn.example.test/not-widget.js', 'data-key': 'pk_wrong' });
    await load();
    launcher().click();
    expect(frames().map((frame) => frame.src)).toEqual([
      `https://api.example.test/widget/frame?key=pk_last&host=${PAGE_HOST}`,
    ]);
    expect(warn).not.toHaveBeenCalled();
  });

  it('refuses a secret key pasted by mistake', async () => {
    addOwnScript({ src: SRC, 'data-key': 'sk_live_abc' });
    await load();
    expect(hosts()).toHaveLength(0);
    expect(warnings()).toEqual([expect.stringMatching(/^\[replyline\] .*secret/)]);
  });
});

describe('launcher', () => {
  it('renders a bubble inside a shadow root appended to body, closed at first', async () => {
    addOwnScript();
    await load();
    const [host] = hosts();
    expect(host!.parentElement).toBe(document.body);
    const button = launcher();
    expect(button.tagName).toBe('BUTTON');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    // Nothing leaks into the page's own DOM: the button lives in the shadow tree only.
    expect(document.querySelector('button')).toBeNull();
    expect(host!.children).toHaveLength(0);
    expect(panel().hidden).toBe(true);
    expect(frames()).toHaveLength(0); // the frame is not loaded until the chat is opened
    expect(cssText(shadow())).toContain('#4f46e5');
    expect(warn).not.toHaveBeenCalled();
  });

  it('uses a valid data-color and ignores one that is not a hex colour', async () => {
    addOwnScript({ src: SRC, 'data-key': 'pk_a', 'data-color': '#0a7d3B' });
    await load();
    expect(cssText(shadow())).toContain('#0a7d3B');

    document.body.innerHTML = '';
    delete window.Replyline;
    addOwnScript({ src: SRC, 'data-key': 'pk_a', 'data-color': 'red;}*{display:none' });
    await load();
    const text = cssText(shadow());
    expect(text).not.toContain('display:none}*');
    expect(text).not.toContain('red;');
    expect(text).toContain('#4f46e5');
  });

  it('click opens a panel with the cross-origin chat iframe; click again closes it', async () => {
    addOwnScript({ src: SRC, 'data-key': 'pk_test/a b&c=d' });
    await load();
    const button = launcher();

    button.click();
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(panel().hidden).toBe(false);
    const [frame] = frames();
    expect(frames()).toHaveLength(1);
    expect(frame!.getAttribute('src')).toBe(
      `${ORIGIN}/widget/frame?key=pk_test%2Fa%20b%26c%3Dd&host=${PAGE_HOST}`,
    );
    expect(frame!.title).toBe('Chat');
    expect(panel().contains(frame!)).toBe(true);

    button.click();
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(panel().hidden).toBe(true);

    button.click();
    expect(frames()).toHaveLength(1); // reopening keeps the same frame (and its chat state)
    expect(frames()[0]).toBe(frame);
  });

  it('Escape closes the open panel and returns focus to the bubble', async () => {
    addOwnScript();
    await load();
    const button = launcher();
    button.click();
    frames()[0]!.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }),
    );
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(panel().hidden).toBe(true);
    expect(shadow().activeElement).toBe(button);
  });

  it('waits for the DOM when loaded while the document is still parsing', async () => {
    setReadyState('loading');
    addOwnScript();
    await load();
    expect(hosts()).toHaveLength(0);
    window.Replyline!('open'); // the API works before the bubble exists
    document.dispatchEvent(new Event('DOMContentLoaded'));
    expect(launcher().getAttribute('aria-expanded')).toBe('true');
    expect(frames()).toHaveLength(1);
  });

  it('has transitions only for people who have not asked for reduced motion', async () => {
    addOwnScript();
    await load();
    const text = cssText(shadow()).replace(/\s+/g, '');
    expect(text).toMatch(/transition/);
    // Remove the no-preference block(s); nothing animated may remain.
    const outside = text.replace(
      /@media\(prefers-reduced-motion:no-preference\)\{(?:[^{}]*\{[^{}]*\})*\}/g,
      '',
    );
    expect(outside).not.toMatch(/transition|animation/);
  });
});

describe('window.Replyline', () => {
  it('replays calls queued by the snippet before the script loaded', async () => {
    const stub = ((...args: unknown[]) => {
      (stub.q = stub.q || []).push(args);
    }) as ReplylineFn;
    window.Replyline = stub;
    window.Replyline('identify', { email: 'ada@example.test' });
    window.Replyline('open');
    expect(stub.q).toHaveLength(2);

    addOwnScript();
    await load();
    expect(window.Replyline).not.toBe(stub);
    expect(launcher().getAttribute('aria-expanded')).toBe('true');
    expect(frames()).toHaveLength(1);
    expect(warn).not.toHaveBeenCalled();
  });

  it('replays a queue of `arguments` objects in order', async () => {
    window.Replyline = Object.assign(() => {}, { q: [] as ArrayLike<unknown>[] });
    (function queue(..._args: unknown[]) {
      // eslint-disable-next-line prefer-rest-params -- the classic snippet queues `arguments`
      window.Replyline!.q!.push(arguments);
    })('open');
    window.Replyline.q!.push(['close'], ['open'], ['close']);
    addOwnScript();
    await load();
    expect(launcher().getAttribute('aria-expanded')).toBe('false');
    // Replayed before the bubble mounted and it ended closed: the chat frame was never loaded.
    expect(frames()).toHaveLength(0);
  });

  it('open, close and identify work after load; unknown commands warn', async () => {
    addOwnScript();
    await load();
    const api = window.Replyline!;
    expect(api.loaded).toBe(true);
    api('open');
    expect(launcher().getAttribute('aria-expanded')).toBe('true');
    api('close');
    expect(launcher().getAttribute('aria-expanded')).toBe('false');
    api('identify', { userId: 'u_1' });
    expect(warn).not.toHaveBeenCalled();
    api('explode');
    expect(warnings()).toEqual([expect.stringMatching(/^\[replyline\] .*explode/)]);
  });

  it('ignores junk in the queue without throwing', async () => {
    window.Replyline = Object.assign(() => {}, {
      q: [null, 42, 'open', ['open']] as unknown as ArrayLike<unknown>[],
    });
    addOwnScript();
    await expect(load()).resolves.toBeUndefined();
    expect(launcher().getAttribute('aria-expanded')).toBe('true');
  });
});

describe('loading twice', () => {
  it('yields one bubble and keeps the first copy in charge', async () => {
    addOwnScript();
    await load();
    const first = window.Replyline;
    addOwnScript();
    await load();
    expect(hosts()).toHaveLength(1);
    expect(window.Replyline).toBe(first);
    window.Replyline!('open');
    expect(frames()).toHaveLength(1);
  });

  it('yields one bubble when both copies load before the DOM is ready', async () => {
    setReadyState('loading');
    addOwnScript();
    await load();
    addOwnScript();
    await load();
    document.dispatchEvent(new Event('DOMContentLoaded'));
    expect(hosts()).toHaveLength(1);
  });

  it('does not add a second bubble if the global was wiped but the bubble is on the page', async () => {
    addOwnScript();
    await load();
    delete window.Replyline;
    addOwnScript();
    await load();
    expect(hosts()).toHaveLength(1);
  });
});

describe('never throws into the host page', () => {
  it('document.body missing when it mounts: warns, does not throw', async () => {
    document.documentElement.removeChild(document.body);
    expect(document.body).toBeNull();
    addOwnScript();
    await expect(load()).resolves.toBeUndefined();
    expect(warnings()).toEqual([expect.stringMatching(/^\[replyline\] /)]);
    expect(document.querySelector(HOST)).toBeNull();
  });

  it('a failure inside the DOM-ready callback is caught and warned about', async () => {
    setReadyState('loading');
    addOwnScript();
    await load();
    vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(() => {
      throw new Error('boom');
    });
    const errors: unknown[] = [];
    const onError = (event: Event) => errors.push(event);
    window.addEventListener('error', onError);
    const consoleError = vi.spyOn(console, 'error');
    try {
      expect(() => document.dispatchEvent(new Event('DOMContentLoaded'))).not.toThrow();
    } finally {
      window.removeEventListener('error', onError);
    }
    expect(errors).toEqual([]);
    expect(consoleError).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^\[replyline\] /), expect.any(Error));
    expect(() => window.Replyline!('open')).not.toThrow();
  });

  it('an invalid script src is warned about, not thrown', async () => {
    const script = addOwnScript();
    Object.defineProperty(script, 'src', { get: () => 'http://[' });
    await expect(load()).resolves.toBeUndefined();
    expect(hosts()).toHaveLength(0);
    expect(warnings()).toEqual([expect.stringMatching(/^\[replyline\] /)]);
  });
});

describe('built bundle (dist/widget.js)', () => {
  it('is a minified es2019 IIFE without an inline source map comment, and works when run', async () => {
    const esbuild = await import('esbuild');
    const { options } = await import('../scripts/build.mjs');
    const result = await esbuild.build({ ...options, write: false });
    const js = result.outputFiles.find((file) => file.path.endsWith('widget.js'));
    expect(js).toBeDefined();
    const code = js!.text;
    expect(code).not.toContain('sourceMappingURL');
    expect(code).not.toMatch(/\bexport\b|\bimport\b/);
    // V8's compile hint for the whole file: the first line, before any function.
    expect(code.split('\n')[0]).toBe('//# allFunctionsCalledOnLoad');
    expect(code.split('\n').filter(Boolean).length).toBeLessThanOrEqual(2); // minified

    addOwnScript({ src: 'https://api.example.test/widget.js', 'data-key': 'pk_built' });
    new Function(code)();
    await settle();
    launcher().click();
    expect(frames()[0]!.src).toBe(
      `https://api.example.test/widget/frame?key=pk_built&host=${PAGE_HOST}`,
    );
  });
});

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

function notice(): HTMLElement | null {
  return shadow().querySelector<HTMLElement>('[data-state="unavailable"]');
}

describe('tenant branding from the API', () => {
  it('asks once for the config of its key and paints the launcher with it', async () => {
    fetchMock.mockResolvedValue(
      json({
        name: 'Northwind Movers',
        branding: { primaryColor: '#0f766e', position: 'bottom-left', launcherText: 'Ask Maja' },
      }),
    );
    addOwnScript({ src: SRC, 'data-key': 'pk_test/1' });
    await load();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(String(fetchMock.mock.calls[0]![0])).toBe(`${ORIGIN}/v1/widget/config?key=pk_test%2F1`);
    await vi.waitFor(() => expect(cssText(shadow())).toContain('#0f766e'));
    const text = cssText(shadow()).replace(/\s+/g, '');
    expect(text).toMatch(/\.launcher\{position:fixed;left:20px/);
    expect(text).not.toContain('#4f46e5');
    expect(launcher().title).toBe('Ask Maja');
    launcher().click();
    expect(frames()).toHaveLength(1);
    expect(notice()).toBeNull();
  });

  it('ignores a primaryColor that is not a hex colour', async () => {
    fetchMock.mockResolvedValue(json({ branding: { primaryColor: 'red;}*{display:none' } }));
    addOwnScript();
    await load();
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalled());
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(cssText(shadow())).not.toContain('display:none}*');
    expect(cssText(shadow())).toContain('#4f46e5');
  });

  it('on 403 removes the bubble and warns the server message: no empty panel to open', async () => {
    fetchMock.mockResolvedValue(
      json({ error: { code: 'origin_not_allowed', message: 'This website is not allowed.' } }, 403),
    );
    addOwnScript();
    await load();
    await vi.waitFor(() =>
      expect(warnings()).toEqual(['[replyline] This website is not allowed.']),
    );
    expect(hosts()).toHaveLength(0);
    window.Replyline!('open'); // the page's own calls keep working, quietly
    expect(hosts()).toHaveLength(0);
  });

  it('never shows the bubble when the refusal arrives before the page is ready', async () => {
    fetchMock.mockResolvedValue(json({ error: { code: 'unknown_key', message: 'No.' } }, 404));
    setReadyState('loading');
    addOwnScript();
    await load();
    await vi.waitFor(() => expect(warn).toHaveBeenCalled());
    setReadyState('complete');
    document.dispatchEvent(new Event('DOMContentLoaded'));
    expect(hosts()).toHaveLength(0);
  });

  it('shows the launcher text beside the bubble while the chat is closed', async () => {
    fetchMock.mockResolvedValue(json({ branding: { launcherText: 'Questions?' } }));
    addOwnScript();
    await load();
    const label = () => shadow().querySelector<HTMLElement>('.label')!;
    await vi.waitFor(() => expect(label().hidden).toBe(false));
    expect(label().textContent).toBe('Questions?');
    label().click();
    expect(panel().hidden).toBe(false);
    expect(label().hidden).toBe(true);
  });

  it('removes a frame opened before the refusal arrived', async () => {
    let refuse!: (response: Response) => void;
    fetchMock.mockReturnValue(new Promise<Response>((resolve) => (refuse = resolve)));
    window.Replyline = Object.assign(() => {}, { q: [['open']] });
    addOwnScript();
    await load();
    expect(frames()).toHaveLength(1);
    refuse(json({ error: { code: 'unknown_key', message: 'Unknown key.' } }, 404));
    await vi.waitFor(() => expect(hosts()).toHaveLength(0));
  });

  it('a network failure also removes the bubble, without throwing', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    addOwnScript();
    await load();
    await vi.waitFor(() => expect(warn).toHaveBeenCalled());
    expect(hosts()).toHaveLength(0);
  });

  it("speaks the tenant's language when the page does not say", async () => {
    fetchMock.mockResolvedValue(json({ language: 'norwegian', branding: {} }));
    addOwnScript();
    await load();
    const button = shadow().querySelector<HTMLButtonElement>('button.launcher')!;
    await vi.waitFor(() => expect(button.getAttribute('aria-label')).toBe('Åpne chatten'));
    button.click();
    expect(shadow().querySelector('[role="dialog"]')!.getAttribute('aria-label')).toBe('Chat');
    expect(frames()[0]!.title).toBe('Chat');
  });

  it('speaks the page language and passes it to the frame', async () => {
    document.documentElement.lang = 'sv-SE';
    addOwnScript();
    await load();
    const button = shadow().querySelector<HTMLButtonElement>('button.launcher')!;
    expect(button.getAttribute('aria-label')).toBe('Öppna chatten');
    button.click();
    expect(frames()[0]!.getAttribute('src')).toBe(
      `${ORIGIN}/widget/frame?key=pk_test_123&host=${PAGE_HOST}&lang=sv-SE`,
    );
  });
});

describe('the panel', () => {
  it('is a labelled dialog that goes full screen on narrow screens', async () => {
    addOwnScript();
    await load();
    expect(panel().getAttribute('role')).toBe('dialog');
    expect(panel().getAttribute('aria-label')).toBe('Chat');
    const text = cssText(shadow()).replace(/\s+/g, '');
    const narrow = /@media\(max-width:480px\)\{(?:[^{}]*\{[^{}]*\})*\}/.exec(text);
    expect(narrow).not.toBeNull();
    expect(narrow![0]).toMatch(/\.panel\{[^}]*top:0/);
    expect(narrow![0]).toMatch(/\.panel\{[^}]*left:0/);
    expect(narrow![0]).toMatch(/\.panel\{[^}]*border-radius:0/);
  });
});

describe('talking to the chat frame (postMessage)', () => {
  async function openFrame(): Promise<{ frame: HTMLIFrameElement; sent: MockInstance }> {
    addOwnScript();
    await load();
    launcher().click();
    const frame = frames()[0]!;
    const sent = vi.spyOn(frame.contentWindow!, 'postMessage').mockImplementation(() => {});
    return { frame, sent };
  }

  function fromFrame(
    frame: HTMLIFrameElement,
    data: unknown,
    init: { origin?: string; source?: Window | null } = {},
  ): void {
    window.dispatchEvent(
      new MessageEvent('message', {
        data,
        origin: init.origin ?? ORIGIN,
        source: init.source === undefined ? frame.contentWindow : init.source,
      }),
    );
  }

  it('holds identify until the frame is ready, then sends it with the exact API origin', async () => {
    const identity = { userId: 'u_1', signature: 'ab12' };
    window.Replyline = Object.assign(() => {}, { q: [['identify', identity]] });
    const { frame, sent } = await openFrame();
    expect(sent).not.toHaveBeenCalled();

    fromFrame(frame, { source: 'replyline', type: 'ready' });
    expect(sent.mock.calls).toEqual([
      [{ source: 'replyline', type: 'identify', identity }, ORIGIN],
      [{ source: 'replyline', type: 'visibility', open: true }, ORIGIN],
    ]);

    window.Replyline!('identify', { email: 'ada@example.test', signature: 'cd34' });
    expect(sent).toHaveBeenLastCalledWith(
      {
        source: 'replyline',
        type: 'identify',
        identity: { email: 'ada@example.test', signature: 'cd34' },
      },
      ORIGIN,
    );
    launcher().click();
    expect(sent).toHaveBeenLastCalledWith(
      { source: 'replyline', type: 'visibility', open: false },
      ORIGIN,
    );
  });

  it('ignores messages from a foreign origin, a foreign window, or without our tag', async () => {
    window.Replyline = Object.assign(() => {}, { q: [['identify', { signature: 'x' }]] });
    const { frame, sent } = await openFrame();
    const other = document.createElement('iframe');
    document.body.appendChild(other);

    fromFrame(frame, { source: 'replyline', type: 'ready' }, { origin: 'https://evil.example' });
    fromFrame(frame, { source: 'replyline', type: 'ready' }, { origin: ORIGIN + '.evil.example' });
    fromFrame(frame, { source: 'replyline', type: 'ready' }, { source: other.contentWindow });
    fromFrame(frame, { source: 'replyline', type: 'ready' }, { source: window });
    fromFrame(frame, { source: 'replyline', type: 'ready' }, { source: null });
    fromFrame(frame, { type: 'ready' });
    fromFrame(frame, 'ready');
    expect(sent).not.toHaveBeenCalled();

    launcher().click(); // closed
    fromFrame(
      frame,
      { source: 'replyline', type: 'unread', count: 3 },
      { origin: 'https://evil.example' },
    );
    expect(shadow().querySelector<HTMLElement>('.badge')!.hidden).toBe(true);
    fromFrame(frame, { source: 'replyline', type: 'close' }, { source: other.contentWindow });
    launcher().click();
    expect(panel().hidden).toBe(false);
  });

  it('shows the unread count on the launcher badge and in its label, cleared on open', async () => {
    const { frame } = await openFrame();
    fromFrame(frame, { source: 'replyline', type: 'ready' });
    const button = shadow().querySelector<HTMLButtonElement>('button.launcher')!;
    const badge = shadow().querySelector<HTMLElement>('.badge')!;
    button.click(); // close
    fromFrame(frame, { source: 'replyline', type: 'unread', count: 2 });
    expect(badge.hidden).toBe(false);
    expect(badge.textContent).toBe('2');
    expect(button.getAttribute('aria-label')).toBe('Open chat, 2 unread messages');
    fromFrame(frame, { source: 'replyline', type: 'unread', count: 1 });
    expect(button.getAttribute('aria-label')).toBe('Open chat, 1 unread message');
    button.click(); // open
    expect(badge.hidden).toBe(true);
    expect(button.getAttribute('aria-label')).toBe('Open chat');
  });

  it('closes when the frame asks and puts focus back on the launcher', async () => {
    const { frame } = await openFrame();
    fromFrame(frame, { source: 'replyline', type: 'ready' });
    fromFrame(frame, { source: 'replyline', type: 'close' });
    expect(panel().hidden).toBe(true);
    expect(launcher().getAttribute('aria-expanded')).toBe('false');
    expect(shadow().activeElement).toBe(launcher());
  });

  it('shows the polite notice when the frame is not ready within 15 s, and hides it if it turns up', async () => {
    vi.useFakeTimers();
    const { frame } = await openFrame();
    vi.advanceTimersByTime(14_000);
    expect(notice()).toBeNull();
    vi.advanceTimersByTime(1_000);
    expect(notice()!.textContent).toBe('Chat is not available on this website.');
    expect(frame.hidden).toBe(true);

    fromFrame(frame, { source: 'replyline', type: 'ready' });
    expect(notice()).toBeNull();
    expect(frame.hidden).toBe(false);
  });
});

describe('one rendering pass: the launcher mounts once, already branded', () => {
  const KEY = 'pk_test_123';
  const TEAL = { branding: { primaryColor: '#0f766e', launcherText: 'Ask Maja' } };

  /** A config request the test answers when it likes. */
  function pendingConfig(): (body: unknown, status?: number) => void {
    let answer!: (response: Response) => void;
    fetchMock.mockReturnValue(new Promise<Response>((resolve) => (answer = resolve)));
    return (body, status = 200) => answer(status === 200 ? quickConfig(body) : json(body, status));
  }

  /** A new page view of the same site: the bubble and the global are gone, storage stays. */
  function nextPage(): void {
    document.body.innerHTML = '';
    delete window.Replyline;
    addOwnScript();
  }

  /** The cached copy, as stored. */
  function cachedEntry(): unknown {
    return JSON.parse(localStorage.getItem(`replyline:config:${KEY}`)!);
  }

  /** Moves the clock past the cached copy's freshness: the next page asks the API again. */
  function laterThanFresh(): void {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 10 * 60_000);
  }

  it('without a cached config waits for it and mounts with the tenant look', async () => {
    const answer = pendingConfig();
    addOwnScript();
    await load();
    expect(hosts()).toHaveLength(0);
    answer(TEAL);
    await settle();
    const text = cssText(shadow());
    expect(text).toContain('#0f766e');
    expect(text).not.toContain('#4f46e5'); // never painted in the default colour first
    expect(shadow().querySelector<HTMLElement>('.label')!.hidden).toBe(false);
  });

  it('shows the default look when the config takes too long', async () => {
    vi.useFakeTimers();
    pendingConfig();
    addOwnScript();
    await load();
    const { BRANDING_WAIT_MS } = await import('./loader'); // the module just run, not a new one
    vi.advanceTimersByTime(BRANDING_WAIT_MS - 1);
    expect(hosts()).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(cssText(shadow())).toContain('#4f46e5');
  });

  it('a returning page mounts at once from the cache, and an unchanged config touches nothing', async () => {
    fetchMock.mockResolvedValue(quickConfig(TEAL));
    addOwnScript();
    await load();
    expect(JSON.parse(localStorage.getItem(`replyline:config:${KEY}`)!)).toMatchObject(TEAL);

    nextPage();
    laterThanFresh();
    const answer = pendingConfig();
    await load();
    const before = cssText(shadow());
    expect(before).toContain('#0f766e');
    expect(launcher().title).toBe('Ask Maja');
    const changes = new MutationObserver(() => {});
    changes.observe(shadow(), {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
    answer(TEAL);
    await settle();
    expect(changes.takeRecords()).toEqual([]);
    expect(cssText(shadow())).toBe(before);
    // The answer only makes the cached copy fresh again.
    expect(cachedEntry()).toMatchObject({ ...TEAL, savedAt: Date.now() });
  });

  it('a fresh cached config is used as is: the next pages within five minutes ask nothing', async () => {
    const { CONFIG_FRESH_MS } = await import('./loader/branding');
    vi.useFakeTimers({ toFake: ['Date'] });
    fetchMock.mockResolvedValue(quickConfig(TEAL));
    addOwnScript();
    await load();
    expect(fetchMock).toHaveBeenCalledTimes(1);

    vi.setSystemTime(Date.now() + CONFIG_FRESH_MS - 1);
    nextPage();
    await load();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(cssText(shadow())).toContain('#0f766e');
    expect(shadow().querySelector<HTMLElement>('.label')!.hidden).toBe(false);
    launcher().click(); // the chat itself still opens
    expect(frames()).toHaveLength(1);

    vi.setSystemTime(Date.now() + 1);
    nextPage();
    await load();
    expect(fetchMock).toHaveBeenCalledTimes(2);

    // A copy without a date (an older loader's) or from the future (a changed clock) is asked again.
    for (const savedAt of [undefined, Date.now() + 60_000]) {
      localStorage.setItem(`replyline:config:${KEY}`, JSON.stringify({ ...TEAL, savedAt }));
      nextPage();
      await load();
    }
    expect(fetchMock).toHaveBeenCalledTimes(4);
  });

  it('a changed config repaints and replaces the cache; a refusal forgets it', async () => {
    fetchMock.mockResolvedValue(quickConfig(TEAL));
    addOwnScript();
    await load();

    nextPage();
    laterThanFresh();
    fetchMock.mockResolvedValue(
      quickConfig({ branding: { primaryColor: '#b45309', position: 'bottom-left' } }),
    );
    await load();
    const text = cssText(shadow()).replace(/\s+/g, '');
    expect(text).toContain('#b45309');
    expect(text).toMatch(/\.launcher\{position:fixed;left:20px/);
    expect(localStorage.getItem(`replyline:config:${KEY}`)).toContain('#b45309');

    nextPage();
    laterThanFresh();
    fetchMock.mockResolvedValue(json({ error: { message: 'This website is not allowed.' } }, 403));
    await load();
    await vi.waitFor(() => expect(hosts()).toHaveLength(0));
    expect(localStorage.getItem(`replyline:config:${KEY}`)).toBeNull();
  });

  it('treats a cached entry as untrusted input', async () => {
    localStorage.setItem(
      `replyline:config:${KEY}`,
      JSON.stringify({ branding: { primaryColor: 'red;}*{display:none' } }),
    );
    pendingConfig();
    addOwnScript();
    await load();
    const text = cssText(shadow());
    expect(text).not.toContain('red;');
    expect(text).toContain('#4f46e5');
  });

  it('blocked storage only means waiting for the config', async () => {
    const denied = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(denied);
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(denied);
    fetchMock.mockResolvedValue(quickConfig(TEAL));
    addOwnScript();
    await load();
    expect(cssText(shadow())).toContain('#0f766e');
    expect(warn).not.toHaveBeenCalled();
  });
});
