// "Email me this conversation", part of the end-of-chat card: one address (pre-filled when we
// know it) and Send; on success the form gives way to a line naming the (masked) address.

import { h } from '../dom';
import type { Dict } from '../i18n';

/** Queues the copy; resolves to the masked address it went to, or the sentence to show. */
export type SubmitTranscript = (email: string) => Promise<{ sentTo: string } | { problem: string }>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function transcriptForm(t: Dict, email: string, submit: SubmitTranscript): HTMLFormElement {
  const input = h('input', {
    id: 'rl-mail',
    name: 'transcript-email',
    type: 'email',
    autocomplete: 'email',
    required: true,
  });
  input.value = email;
  const button = h('button', { type: 'submit', class: 'primary' }, t.send);
  const error = h('p', { class: 'error', role: 'alert', hidden: true });
  const form = h(
    'form',
    { class: 'mail', novalidate: true, 'aria-label': t.mailTitle, 'data-transcript': 'ask' },
    h('label', { for: 'rl-mail' }, t.mailTitle),
    h('div', { class: 'row' }, input, button),
    error,
  );

  const fail = (text: string): void => {
    error.textContent = text;
    error.hidden = false;
    input.setAttribute('aria-invalid', 'true');
    input.focus();
  };

  let sending = false; // not button.disabled: that would drop keyboard focus
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (sending) return;
    const address = input.value.trim();
    if (!EMAIL.test(address)) return fail(t.badEmail);
    sending = true;
    button.setAttribute('aria-disabled', 'true');
    const outcome = await submit(address);
    sending = false;
    button.removeAttribute('aria-disabled');
    if ('problem' in outcome) return fail(outcome.problem);
    const done = h(
      'p',
      { class: 'sent', role: 'status', tabindex: -1 },
      t.mailSent(outcome.sentTo),
    );
    form.replaceChildren(done);
    form.setAttribute('data-transcript', 'sent');
    done.focus();
  });
  return form;
}
