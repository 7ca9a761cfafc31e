// Replyline host-page loader: the script a business pastes into its site.
//
//   <script src="https://api.example.com/widget.js" data-key="pk_..." async></script>
//
// It renders a launcher bubble in a Shadow DOM host and, on click, a panel holding a
// cross-origin <iframe> served by the API. Everything else (the chat itself) lives in
// that frame (src/frame). Rules for this file:
//   - no framework, no dependencies: it is bundled alone into dist/widget.js and has a
//     gzipped size budget (see scripts/bench.mjs);
//   - it must never throw into the host page: every entry point (top level, DOM-ready
//     callback, event handlers, timers, the window.Replyline function) goes through `guard`;
//   - the Shadow DOM is for style isolation only, not a security boundary: the identity
//     and the conversation only ever travel to the frame, with an exact targetOrigin.

import {
  cacheBranding,
  cachedBranding,
  fetchBranding,
  HEX_COLOR,
  sameBranding,
} from './loader/branding';
import type { Branding } from './loader/branding';
import { applyStyles, css } from './loader/style';
import { accept, SOURCE } from './protocol';

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
/** A frame that has not said `ready` by then is not coming (blocked, offline, refused). */
export const READY_TIMEOUT_MS = 15_000;
/**
 * Without a cached config the launcher waits for the tenant's branding so that it is laid out
 * and painted once, not once with the defaults and again in the tenant's colours; a config
 * slower than this gets the default look at first.
 */
export const BRANDING_WAIT_MS = 3_000;

// [launcher label, 1 unread, n unread, panel/frame title, chat unavailable]
const STRINGS: Record<string, string[]> = {
  en: [
    'Open chat',
    'unread message',
    'unread messages',
    'Chat',
    'Chat is not available on this website.',
  ],
  sv: [
    'Öppna chatten',
    'oläst meddelande',
    'olästa meddelanden',
    'Chatt',
    'Chatten är inte tillgänglig på den här webbplatsen.',
  ],
  no: [
    'Åpne chatten',
    'ulest melding',
    'uleste meldinger',
    'Chat',
    'Chatten er ikke tilgjengelig på dette nettstedet.',
  ],
};

interface State {
  open: boolean;
  identity: unknown;
  /** The frame said `ready`: messages to it are delivered from now on. */
  ready: boolean;
  /** No `ready` within READY_TIMEOUT_MS. */
  late: boolean;
  /** false once the config request was refused or failed. */
  available: boolean;
  unread: number;
}

interface Ui {
  host: HTMLElement;
  root: ShadowRoot;
  button: HTMLButtonElement;
  /** The launcher text beside the bubble ("Questions?"), when the tenant set one. */
  label: HTMLElement;
  badge: HTMLElement;
  panel: HTMLElement;
  frame: HTMLIFrameElement | null;
  notice: HTMLElement | null;
  restyle: (text: string) => void;
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

// `script.src` is already absolute. Read as text: a URL object costs the host page more
// (first use of URL parsing in the page) than these two patterns.
const ORIGIN_OF = /^(https?:\/\/(?:[^/?#\s[\]@]+|\[[0-9a-f:.]+\])(?::\d+)?)(?:[/?#]|$)/i;
const WIDGET_PATH = /^https?:\/\/[^/?#]+(?:\/[^?#]*)?\/widget\.js(?:[?#]|$)/i;

/** Our own <script> tag: currentScript, else the last `.../widget.js` script with a data-key. */
function findOwnScript(): HTMLScriptElement | null {
  const current = document.currentScript;
  if (current && current.tagName === 'SCRIPT') return current as HTMLScriptElement;
  const scripts = document.querySelectorAll<HTMLScriptElement>('script[src][data-key]');
  for (let i = scripts.length - 1; i >= 0; i--) {
    const script = scripts[i];
    if (script && WIDGET_PATH.test(script.src)) return script;
  }
  return null;
}

function pageLang(): string {
  return (document.documentElement.lang || '').trim();
}

// A page language tag ("sv-SE") or the tenant's language name from the API ("swedish").
const LOCALES: [RegExp, string][] = [
  [/^(?:sv(?:[-_]|$)|swedish$)/i, 'sv'],
  [/^(?:n[obn](?:[-_]|$)|norwegian$)/i, 'no'],
];

function localeOf(value: string): string | undefined {
  for (const [pattern, locale] of LOCALES) if (pattern.test(value)) return locale;
  return undefined;
}

/** Strings in the page's language, else the tenant's, else English. */
function strings(tenantLanguage = ''): string[] {
  return STRINGS[localeOf(pageLang()) || localeOf(tenantLanguage) || 'en']!;
}

const ICONS =
  '<svg class="bubble" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z"/></svg>' +
  '<svg class="x" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M18.3 5.7a1 1 0 0 0-1.4 0L12 10.6 7.1 5.7a1 1 0 0 0-1.4 1.4l4.9 4.9-4.9 4.9a1 1 0 1 0 1.4 1.4l4.9-4.9 4.9 4.9a1 1 0 0 0 1.4-1.4L13.4 12l4.9-4.9a1 1 0 0 0 0-1.4z"/></svg>';

/** Where the loader talks to: the API origin (from our src) and the publishable key. */
function locate(): { origin: string; key: string; color: string } | null {
  const script = findOwnScript();
  const key = ((script && script.getAttribute('data-key')) || '').trim();
  if (!script || !key) {
    warn('missing data-key on the widget <script> tag; the chat widget was not loaded');
    return null;
  }
  if (/^sk_/.test(key)) {
    warn(
      'data-key looks like a secret key; use your publishable key (pk_...). The chat widget was not loaded',
    );
    return null;
  }
  const origin = ORIGIN_OF.exec(script.src);
  if (!origin) {
    warn(
      'cannot work out the API origin from the widget script src; the chat widget was not loaded',
    );
    return null;
  }
  // data-color paints the bubble until the tenant's own branding arrives from the API.
  const color = script.getAttribute('data-color');
  return {
    origin: origin[1]!.toLowerCase(),
    key,
    color: color && HEX_COLOR.test(color) ? color : DEFAULT_BRAND,
  };
}

function start(): void {
  const existing = window.Replyline;
  if (existing && existing.loaded) return; // loaded twice: the first copy owns the widget

  const where = locate();
  if (!where) return;
  const { origin, key } = where;
  let text = strings();
  const look = { color: where.color, left: false };

  const state: State = {
    open: false,
    identity: undefined,
    ready: false,
    late: false,
    available: true,
    unread: 0,
  };
  let ui: Ui | null = null;
  let title: string | undefined;
  /** The branding the launcher shows (or will mount with); null until one is known. */
  let shown: Branding | null = null;
  let domReady = document.readyState !== 'loading';
  let mountTried = false;
  let waitedLongEnough = false;
  /** The snippet's queued calls have been replayed. */
  let replayed = false;

  /** Sends to the frame once it said `ready`; until then `identify` waits in `state`. */
  const post = (type: string, data: Record<string, unknown>): void => {
    const target = ui && ui.frame && ui.frame.contentWindow;
    // targetOrigin is the exact API origin: the browser drops the message if the frame was
    // navigated anywhere else, so the identity never reaches another site.
    if (state.ready && target) target.postMessage({ source: SOURCE, type, ...data }, origin);
  };

  const createFrame = (view: Ui): void => {
    // Created on first open only, so pages that never open the chat never load it.
    const frame = document.createElement('iframe');
    const lang = pageLang();
    frame.src =
      `${origin}/widget/frame?key=${encodeURIComponent(key)}` +
      `&host=${encodeURIComponent(location.origin)}` +
      (lang ? `&lang=${encodeURIComponent(lang)}` : '');
    view.panel.appendChild(frame);
    view.frame = frame;
    setTimeout(
      () =>
        guard(() => {
          state.late = !state.ready;
          render();
        }),
      READY_TIMEOUT_MS,
    );
  };

  /** The polite "not available" message instead of the frame, when it applies. */
  const renderNotice = (view: Ui): void => {
    // A frame that said ready works, whatever else happened; one that did not is covered
    // once we know it will not (config refused, or too late).
    const down = !state.ready && (!state.available || state.late);
    if (view.frame) view.frame.hidden = down;
    if (down && !view.notice) {
      const notice = document.createElement('p');
      notice.className = 'notice';
      notice.setAttribute('data-state', 'unavailable');
      notice.setAttribute('role', 'status');
      notice.textContent = text[4]!;
      view.panel.appendChild(notice);
      view.notice = notice;
    }
    if (!down && view.notice) {
      view.notice.remove();
      view.notice = null;
    }
  };

  const render = (): void => {
    const view = ui;
    if (!view) return;
    const { button, badge } = view;
    if (state.open) state.unread = 0;
    const unread = state.unread;
    button.setAttribute('aria-expanded', String(state.open));
    view.panel.setAttribute('aria-label', text[3]!);
    button.setAttribute(
      'aria-label',
      unread ? `${text[0]}, ${unread} ${text[unread === 1 ? 1 : 2]}` : text[0]!,
    );
    if (title) button.title = title;
    view.label.textContent = title || '';
    view.label.hidden = !title || state.open;
    badge.hidden = !unread;
    badge.textContent = unread > 99 ? '99+' : String(unread);
    if (state.open && !view.frame && state.available) createFrame(view);
    if (view.frame) view.frame.title = text[3]!;
    renderNotice(view);
    view.panel.hidden = !state.open;
  };

  const setOpen = (open: boolean): void => {
    if (state.open === open) return;
    state.open = open;
    render();
    post('visibility', { open });
  };

  const run = (command: unknown, payload: unknown): void => {
    if (command === 'open' || command === 'close') {
      const view = ui;
      // Focus leaves the panel with it, back to the launcher (not to <body>).
      const hadFocus = !!view && view.panel.contains(view.root.activeElement);
      setOpen(command === 'open');
      if (command === 'close' && hadFocus && view) view.button.focus();
      // The page asked for the chat: no more waiting for the branding (a replayed queue mounts
      // once it is done, with the state it ends in).
      if (replayed) mountWhenReady();
    } else if (command === 'identify') {
      state.identity = payload;
      post('identify', { identity: payload });
    } else {
      warn(`unknown command ${JSON.stringify(String(command))}`);
    }
  };

  const onFrameMessage = (event: MessageEvent): void => {
    const view = ui;
    const data = view && view.frame && accept(event, origin, view.frame.contentWindow);
    if (!data || !view) return;
    if (data.type === 'ready') {
      state.ready = true;
      render();
      // Identity first: the frame starts the conversation when it hears from us.
      if (state.identity !== undefined) post('identify', { identity: state.identity });
      post('visibility', { open: state.open });
    } else if (data.type === 'unread') {
      const count = Number(data.count);
      state.unread = count > 0 && count < 1e6 ? Math.floor(count) : 0;
      render();
    } else if (data.type === 'close') {
      setOpen(false);
      view.button.focus();
    }
  };

  const applyBranding = (branding: Branding): void => {
    shown = branding;
    if (branding.color) look.color = branding.color;
    look.left = branding.left;
    title = branding.title;
    text = strings(branding.language);
  };

  const brand = (branding: Branding | null): void => {
    // Asked only without a fresh copy, so the answer always renews (or forgets) the cache.
    cacheBranding(key, branding);
    if (!branding) return unmount();
    // The usual case on a returning visitor's page: the cached look is on screen already, and
    // touching the DOM now would cost a style, layout and paint pass for nothing.
    if (shown && sameBranding(shown, branding)) return;
    applyBranding(branding);
    if (!ui) return mountWhenReady();
    ui.restyle(css(look));
    render();
  };

  // Refused here (a site not on the allow-list, an unknown key) or unreachable: a bubble that
  // cannot chat is worse than none, so the widget leaves the page; the console says why and
  // the owner's dashboard lists the refused site.
  const unmount = (): void => {
    state.available = false;
    if (ui) ui.host.remove();
    ui = null;
  };

  /** Mounts once: the DOM is there and the branding is known (or not worth waiting for). */
  const mountWhenReady = (): void => {
    if (mountTried || !domReady || !state.available) return;
    if (!shown && !state.open && !waitedLongEnough) return;
    mountTried = true;
    mount();
  };

  const mount = (): void => {
    if (document.querySelector(HOST_TAG)) {
      warn('the chat widget is already on this page');
      return;
    }
    const body = document.body;
    if (!body) throw new Error('document.body is missing');

    const host = document.createElement(HOST_TAG);
    const root = host.attachShadow({ mode: 'open' });
    const restyle = applyStyles(root, css(look));

    const panel = document.createElement('div');
    panel.className = 'panel';
    panel.id = PANEL_ID;
    panel.hidden = true;
    panel.setAttribute('role', 'dialog');

    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'launcher';
    button.setAttribute('aria-controls', PANEL_ID);
    button.innerHTML = ICONS; // static markup, no data from the page or the key
    const badge = document.createElement('span');
    badge.className = 'badge';
    badge.setAttribute('aria-hidden', 'true'); // the count is in the button's label
    button.appendChild(badge);
    button.addEventListener('click', () =>
      guard(() => {
        setOpen(!state.open);
        // Into the frame, which then focuses its composer when it hears `visibility`.
        if (state.open && ui && ui.frame && !ui.frame.hidden) ui.frame.focus();
      }),
    );

    root.addEventListener('keydown', (event) =>
      guard(() => {
        if ((event as KeyboardEvent).key === 'Escape' && state.open) {
          setOpen(false);
          button.focus();
        }
      }),
    );

    const label = document.createElement('div');
    label.className = 'label';
    label.hidden = true;
    label.setAttribute('aria-hidden', 'true'); // the launcher's title says the same
    label.addEventListener('click', () => guard(() => setOpen(true)));

    root.appendChild(panel);
    root.appendChild(label);
    root.appendChild(button);
    ui = { host, root, button, label, badge, panel, frame: null, notice: null, restyle };
    window.addEventListener('message', (event) => guard(() => onFrameMessage(event)));
    // Every attribute and text is written before the host joins the page: one style and layout
    // pass for the whole launcher, and nothing read back from layout.
    render();
    body.appendChild(host);
  };

  // What the page's storage held for the key: the look to mount with, and whether to ask again.
  const stored = cachedBranding(key);
  if (stored) applyBranding(stored.branding);

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
  replayed = true;

  if (!stored)
    setTimeout(
      () =>
        guard(() => {
          waitedLongEnough = true;
          mountWhenReady();
        }),
      BRANDING_WAIT_MS,
    );
  if (domReady) mountWhenReady();
  else
    document.addEventListener(
      'DOMContentLoaded',
      () =>
        guard(() => {
          domReady = true;
          mountWhenReady();
        }),
      { once: true },
    );
  // A fresh copy is as good as the answer: this page makes no request at all.
  if (stored && stored.fresh) return;
  // Never rejects: failures are warned about and remove the widget from the page.
  fetchBranding(origin, key, warn).then(
    (branding) => guard(() => brand(branding)),
    () => {},
  );
}

guard(start);
