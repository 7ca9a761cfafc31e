// The message box: Enter sends, Shift+Enter starts a new line.

import { h, icon, ICON } from '../dom';
import type { Dict } from '../i18n';

export const MAX_MESSAGE_LENGTH = 4000;

export interface Composer {
  element: HTMLFormElement;
  textarea: HTMLTextAreaElement;
  /** While busy or disabled, nothing is sent; the visitor may keep typing while busy. */
  setBusy(busy: boolean): void;
  setDisabled(disabled: boolean): void;
  setText(text: string): void;
  focus(): void;
}

export function createComposer(t: Dict, onSend: (text: string) => void): Composer {
  let busy = false;
  let disabled = true; // until a conversation exists
  const textarea = h('textarea', {
    name: 'composer',
    rows: 1,
    maxlength: MAX_MESSAGE_LENGTH,
    placeholder: t.placeholder,
    'aria-label': t.message,
    enterkeyhint: 'send',
  });
  const button = h(
    'button',
    { type: 'submit', class: 'send', 'aria-label': t.send },
    icon(ICON.send),
  );
  const element = h('form', { class: 'composer', novalidate: true }, textarea, button);

  const grow = (): void => {
    textarea.style.height = 'auto';
    textarea.style.height = Math.min(textarea.scrollHeight, 120) + 'px';
  };
  const submit = (): void => {
    const text = textarea.value.trim();
    if (busy || disabled || !text) return;
    onSend(text);
  };
  const sync = (): void => {
    button.disabled = busy || disabled;
    textarea.disabled = disabled;
  };

  element.addEventListener('submit', (event) => {
    event.preventDefault(); // never a real form submission (the CSP has form-action 'none')
    submit();
  });
  textarea.addEventListener('keydown', (event) => {
    // isComposing: Enter that confirms an IME candidate (Japanese, Chinese…) is not "send".
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
    event.preventDefault();
    submit();
  });
  textarea.addEventListener('input', grow);
  sync();

  return {
    element,
    textarea,
    setBusy(value) {
      busy = value;
      sync();
    },
    setDisabled(value) {
      disabled = value;
      sync();
    },
    setText(text) {
      textarea.value = text;
      grow();
    },
    focus: () => textarea.focus(),
  };
}
