// Replyline host-page loader: the script a business pastes into its site.
//
//   <script src="https://api.example.com/widget.js" data-key="pk_..." async></script>
//
// It renders a launcher bubble in a Shadow DOM host and, on click, a panel holding a
// cross-origin <iframe> served by the API. Everything else (the chat itself) lives in
// that frame. Rules for this file:
//   - no framework, no dependencies: it is bundled alone into dist/widget.js and has a
//     gzipped size budget (see scripts/bench.mjs);
//   - it must never throw into the host page: every entry point (top level, DOM-ready
//     callback, event handlers, the window.Replyline function) goes through `guard`;
//   - the Shadow DOM is for style isolation only, not a security boundary.

type Command = 'open' | 'close' | 'identify';

/** The global `window.Replyline(command, payload)`; before load it is the snippet's stub. */
export interface ReplylineFn {
  (command: Command | string, payload?: unknown): void;
  /** Calls queued by the snippet stub before the loader ran: `[[cmd, payload], ...]`. */
  q?: ArrayLike<unknown>[];
  /** Set on the real function once a loader has taken over (guards double loading). */
  loaded?: boolean;
}

declare global {
  interface Window {
    Replyline?: ReplylineFn;
  }
}

const DEFAULT_BRAND = '#4f46e5';
const HOST_TAG = 'replyline-widget';
const PANEL_ID = 'replyline-panel';
const LABEL = 'Open chat';

interface State {
  open: boolean;
  identity: unknown;
}

interface Ui {
  button: HTMLButtonElement;
  panel: HTMLElement;
  frame: HTMLIFrameElement | null;
}

function warn(message: string, error?: unknown): void {
  try {
    if (error === undefined) console.warn('[replyline] ' + message);
    else console.warn('[replyline] ' + message, error);
  } catch {
    // No console (or a broken one): stay silent rather than throw.
  }
}

function guard(fn: () => void): void {
  try {
    fn();
  } catch (error) {
    warn('unexpected error, the chat widget is disabled on this page', error);
  }
}

function pathnameOf(src: string): string {
  try {
    return new URL(src, document.baseURI).pathname;
  } catch {
    return '';
  }
}

/** Our own <script> tag: currentScript, else the last `.../widget.js` script with a data-key. */
function findOwnScript(): HTMLScriptElement | null {
  const current = document.currentScript;
  if (current && current.tagName === 'SCRIPT') return current as HTMLScriptElement;
  const scripts = document.querySelectorAll<HTMLScriptElement>('script[src][data-key]');
  for (let i = scripts.length - 1; i >= 0; i--) {
    const script = scripts[i];
    if (script && /\/widget\.js$/.test(pathnameOf(script.src))) return script;
  }
  return null;
}

function css(brand: string): string {
  return (
    ':host{all:initial}' +
    '.launcher{position:fixed;right:20px;bottom:20px;z-index:2147483000;box-sizing:border-box;width:56px;height:56px;margin:0;padding:0;border:0;border-radius:50%;' +
    `background:${brand};color:#fff;cursor:pointer;display:flex;align-items:center;justify-content:center;box-shadow:0 4px 14px rgba(0,0,0,.25)}` +
    `.launcher:focus-visible{outline:3px solid ${brand};outline-offset:3px}` +
    '.launcher svg{width:28px;height:28px;fill:currentColor}' +
    '.launcher .x,.launcher[aria-expanded=true] .bubble{display:none}' +
    '.launcher[aria-expanded=true] .x{display:block}' +
    '.panel{position:fixed;right:20px;bottom:88px;z-index:2147483000;width:380px;max-width:calc(100vw - 40px);height:600px;max-height:calc(100vh - 120px);' +
    'border-radius:12px;overflow:hidden;background:#fff;box-shadow:0 8px 32px rgba(0,0,0,.25)}' +
    '.panel[hidden]{display:none}' +
    '.panel iframe{display:block;width:100%;height:100%;border:0}' +
    // Motion only for people who have not asked for less: no transition otherwise.
    '@media (prefers-reduced-motion:no-preference){.launcher{transition:transform .15s ease}.launcher:hover{transform:scale(1.06)}}'
  );
}

const ICONS =
  '<svg class="bubble" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z"/></svg>' +
  '<svg class="x" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M18.3 5.7a1 1 0 0 0-1.4 0L12 10.6 7.1 5.7a1 1 0 0 0-1.4 1.4l4.9 4.9-4.9 4.9a1 1 0 1 0 1.4 1.4l4.9-4.9 4.9 4.9a1 1 0 0 0 1.4-1.4L13.4 12l4.9-4.9a1 1 0 0 0 0-1.4z"/></svg>';

function applyStyles(root: ShadowRoot, text: string): void {
  // Constructable stylesheets are not blocked by a host page CSP without 'unsafe-inline'.
  try {
    if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function') {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(text);
      root.adoptedStyleSheets = [sheet];
      return;
    }
  } catch {
    // Fall through to a <style> element.
  }
  const style = document.createElement('style');
  style.textContent = text;
  root.appendChild(style);
}

function start(): void {
  const existing = window.Replyline;
  if (existing && existing.loaded) return; // loaded twice: the first copy owns the widget

  const script = findOwnScript();
  const key = ((script && script.getAttribute('data-key')) || '').trim();
  if (!script || !key) {
    warn('missing data-key on the widget <script> tag; the chat widget was not loaded');
    return;
  }
  if (/^sk_/.test(key)) {
    warn(
      'data-key looks like a secret key; use your publishable key (pk_...). The chat widget was not loaded',
    );
    return;
  }
  const src = new URL(script.src, document.baseURI);
  if (src.protocol !== 'https:' && src.protocol !== 'http:') {
    warn(
      'cannot work out the API origin from the widget script src; the chat widget was not loaded',
    );
    return;
  }
  const frameSrc = `${src.origin}/widget/frame?key=${encodeURIComponent(key)}`;
  const color = script.getAttribute('data-color');
  const brand = color && /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(color) ? color : DEFAULT_BRAND;

  const state: State = { open: false, identity: undefined };
  let ui: Ui | null = null;

  const render = (): void => {
    if (!ui) return;
    ui.button.setAttribute('aria-expanded', String(state.open));
    if (state.open && !ui.frame) {
      // Created on first open only, so pages that never open the chat never load it.
      const frame = document.createElement('iframe');
      frame.title = 'Chat';
      frame.src = frameSrc;
      ui.panel.appendChild(frame);
      ui.frame = frame;
    }
    ui.panel.hidden = !state.open;
  };

  const run = (command: unknown, payload: unknown): void => {
    if (command === 'open' || command === 'close') {
      state.open = command === 'open';
      render();
    } else if (command === 'identify') {
      state.identity = payload; // sent to the chat frame once it exists (later issue)
    } else {
      warn(`unknown command ${JSON.stringify(String(command))}`);
    }
  };

  const api: ReplylineFn = (command, payload) => guard(() => run(command, payload));
  api.loaded = true;
  const queue = existing && existing.q;
  window.Replyline = api;
  if (queue && typeof queue.length === 'number') {
    for (let i = 0; i < queue.length; i++) {
      const call = queue[i];
      // Each entry is [cmd, payload] or the stub's `arguments` object.
      if (call && typeof call === 'object') guard(() => run(call[0], call[1]));
    }
  }

  const mount = (): void => {
    if (document.querySelector(HOST_TAG)) {
      warn('the chat widget is already on this page');
      return;
    }
    const body = document.body;
    if (!body) throw new Error('document.body is missing');

    const host = document.createElement(HOST_TAG);
    const root = host.attachShadow({ mode: 'open' });
    applyStyles(root, css(brand));

    const panel = document.createElement('div');
    panel.className = 'panel';
    panel.id = PANEL_ID;
    panel.hidden = true;

    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'launcher';
    button.setAttribute('aria-label', LABEL);
    button.setAttribute('aria-controls', PANEL_ID);
    button.setAttribute('aria-expanded', 'false');
    button.innerHTML = ICONS; // static markup, no data from the page or the key
    button.addEventListener('click', () =>
      guard(() => run(state.open ? 'close' : 'open', undefined)),
    );

    root.addEventListener('keydown', (event) =>
      guard(() => {
        if ((event as KeyboardEvent).key === 'Escape' && state.open) {
          run('close', undefined);
          button.focus();
        }
      }),
    );

    root.appendChild(panel);
    root.appendChild(button);
    body.appendChild(host);
    ui = { button, panel, frame: null };
    render();
  };

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', () => guard(mount), { once: true });
  } else {
    mount();
  }
}

guard(start);
