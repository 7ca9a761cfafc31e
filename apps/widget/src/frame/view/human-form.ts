// "Talk to a human": email, optional name and a message; becomes a ticket. Field names
// (email, name, message) are hooks for browser tests.

import { h } from '../dom';
import type { Dict } from '../i18n';

export interface HumanRequest {
  email: string;
  name?: string;
  message: string;
}

/** Submits; resolves to an error sentence to show, or null on success. */
export type SubmitHuman = (request: HumanRequest) => Promise<string | null>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function field(label: string, control: HTMLInputElement | HTMLTextAreaElement): HTMLLabelElement {
  return h('label', null, label, control);
}

export function humanForm(
  t: Dict,
  options: { intro: string; message?: string },
  submit: SubmitHuman,
  back: () => void,
): HTMLFormElement {
  const email = h('input', { name: 'email', type: 'email', autocomplete: 'email', required: true });
  const name = h('input', { name: 'name', type: 'text', autocomplete: 'name' });
  const message = h('textarea', { name: 'message', rows: 3, maxlength: 4000, required: true });
  message.value = options.message || '';
  const error = h('p', { class: 'error', role: 'alert', hidden: true });
  const button = h('button', { type: 'submit', class: 'primary' }, t.submit);
  const form = h(
    'form',
    { class: 'card', novalidate: true, 'aria-label': t.human },
    h('h2', null, t.human),
    h('p', null, options.intro),
    field(t.email, email),
    field(t.name, name),
    field(t.details, message),
    error,
    h(
      'div',
      { class: 'row' },
      button,
      h('button', { type: 'button', class: 'link', onclick: back }, t.back),
    ),
  );

  const fail = (text: string, control?: HTMLElement): void => {
    error.textContent = text;
    error.hidden = false;
    if (control) {
      control.setAttribute('aria-invalid', 'true');
      control.focus();
    }
  };

  let sending = false; // not button.disabled: that would drop keyboard focus
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (sending) return;
    email.removeAttribute('aria-invalid');
    message.removeAttribute('aria-invalid');
    const request = {
      email: email.value.trim(),
      name: name.value.trim() || undefined,
      message: message.value.trim(),
    };
    if (!EMAIL.test(request.email)) return fail(t.badEmail, email);
    if (!request.message) return fail(t.noDetails, message);
    sending = true;
    button.setAttribute('aria-disabled', 'true');
    const problem = await submit(request);
    sending = false;
    button.removeAttribute('aria-disabled');
    if (problem) fail(problem);
  });
  return form;
}
