// Entry of dist/frame.js, the chat app inside the widget iframe. The API serves it from
// /widget/frame.js on the page /widget/frame, which embeds the config as JSON.

import { createApp } from './app';
import { readConfig } from './config';
import { h } from './dom';
import { localStorageOf } from './visitor';

function boot(): void {
  const mount = document.getElementById('app') || document.body;
  try {
    createApp({
      config: readConfig(document),
      mount,
      win: window,
      parent: window.parent && window.parent !== window ? window.parent : null,
      storage: localStorageOf(window),
    });
  } catch (error) {
    // Never a blank panel: without a config there is no language either, so English.
    console.warn('[replyline] the chat could not start', error);
    mount.textContent = '';
    mount.appendChild(
      h(
        'p',
        { class: 'error', role: 'alert', 'data-state': 'unavailable' },
        'Chat is not available right now.',
      ),
    );
  }
}

boot();
