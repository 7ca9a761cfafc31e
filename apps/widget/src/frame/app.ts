// Wires the chat frame together: config → UI language and styles → layout → conversation,
// and the host page's messages (identify, visibility) → conversation start and focus.

import { closeCard, endChat, hasCard, offerHuman, offerRating } from './cards';
import type { FrameConfig } from './config';
import { start } from './conversation';
import { visitorTyping } from './handoff';
import { dictionary, pickLocale } from './i18n';
import { listen, poster, toIdentity } from './parent';
import { send } from './send';
import { note } from './view/message';
import type { Ctx } from './state';
import { installStyles } from './styles';
import { createShell } from './view/shell';
import { visitorId } from './visitor';

export interface AppOptions {
  config: FrameConfig;
  /** The element the chat renders into (#app). */
  mount: HTMLElement;
  win: Window;
  /** The host page's window; null when the frame page is opened on its own. */
  parent: Window | null;
  storage: Storage | null;
}

/**
 * How long to wait for the host page's first message before starting anonymously. The
 * loader answers `ready` at once (identity first), so this only matters when it cannot.
 */
export const PARENT_WAIT_MS = 1500;

/** "sv" from "sv-SE": what the API gets as the conversation's language. */
function languageOf(pageLanguage: string | null): string | undefined {
  const primary = (pageLanguage || '').split(/[-_]/)[0]!.toLowerCase();
  return /^[a-z]{2,3}$/.test(primary) ? primary : undefined;
}

/** In the editor's preview a question gets an explanation instead of an answer. */
function previewSend(ctx: Ctx, text: string): void {
  ctx.ui.log.add(note(`${text.trim()} · ${ctx.t.preview}`, { 'data-preview': '' }));
  ctx.ui.composer.setText('');
}

export function createApp(options: AppOptions): { ctx: Ctx; destroy(): void } {
  const { config, mount, win, parent } = options;
  const doc = win.document;
  const locale = pickLocale(config.pageLanguage, config.tenant.language);
  const t = dictionary(locale);
  doc.documentElement.lang = locale === 'no' ? 'nb' : locale;
  installStyles(doc, config.tenant.branding.primaryColor);

  const ui = createShell(config, t, {
    close: () => ctx.post('close'),
    send: (text) => (config.preview ? previewSend(ctx, text) : void send(ctx, text)),
    human: () => offerHuman(ctx, true),
    rate: () => offerRating(ctx, true),
    end: () => void endChat(ctx),
  });
  const ctx: Ctx = {
    config,
    t,
    ui,
    visitorId: visitorId(config.key, options.storage),
    language: languageOf(config.pageLanguage),
    session: null,
    generation: 0,
    status: 'open',
    botPaused: false,
    handoff: 'bot',
    agent: null,
    agentTyping: null,
    typingSentAt: 0,
    typingLater: null,
    sending: false,
    deferred: [],
    open: true, // the loader creates the frame when the panel first opens
    unread: 0,
    stopEvents: () => {},
    post: poster(parent, config.hostOrigin),
  };

  // The agent sees the visitor typing (throttled; only while a person answers or is awaited).
  ui.composer.textarea.addEventListener('input', () => visitorTyping(ctx));

  // A preview never starts a conversation; its composer works at once.
  let started = Boolean(config.preview);
  if (config.preview) ui.composer.setDisabled(false);
  const begin = (): void => {
    if (started) return;
    started = true;
    clearTimeout(timer);
    void start(ctx);
  };
  const timer = setTimeout(begin, parent ? PARENT_WAIT_MS : 0);

  const stopListening = listen(win, parent, config.hostOrigin, (data) => {
    if (data.type === 'identify') {
      const identity = toIdentity(data.identity);
      const changed = JSON.stringify(identity) !== JSON.stringify(ctx.identity);
      ctx.identity = identity;
      if (started && changed) void start(ctx); // signed in (or out) on the host page
      begin();
    } else if (data.type === 'visibility') {
      ctx.open = data.open === true;
      if (ctx.open && ctx.unread) {
        ctx.unread = 0;
        ctx.post('unread', { count: 0 });
      }
      if (ctx.open) ui.composer.focus();
      begin();
    }
  });

  const onKey = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    if (hasCard(ctx)) closeCard(ctx);
    else ctx.post('close'); // keys typed in the frame never reach the host page
  };
  doc.addEventListener('keydown', onKey);

  mount.textContent = '';
  mount.appendChild(ui.root);
  ctx.post('ready');

  return {
    ctx,
    destroy() {
      clearTimeout(timer);
      clearTimeout(ctx.typingLater ?? undefined);
      ctx.generation++;
      ctx.stopEvents();
      stopListening();
      doc.removeEventListener('keydown', onKey);
      mount.textContent = '';
    },
  };
}
