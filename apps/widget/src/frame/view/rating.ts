// CSAT: one to five stars, sent as soon as one is chosen.

import { h } from '../dom';
import type { Dict } from '../i18n';

/** Saves the rating; resolves to an error sentence to show, or null on success. */
export type SubmitRating = (stars: number) => Promise<string | null>;

/** `extra`: what else the end of a chat offers, under the stars (the transcript by email). */
export function ratingCard(
  t: Dict,
  submit: SubmitRating,
  back: () => void,
  extra?: HTMLElement,
): HTMLElement {
  const status = h('p', { role: 'status' });
  const buttons = [1, 2, 3, 4, 5].map((n) =>
    h('button', { type: 'button', class: 'star', 'aria-label': t.stars(n), 'data-rating': n }, '★'),
  );
  const stars = h('div', { class: 'stars', role: 'group', 'aria-label': t.rateTitle }, ...buttons);
  const card = h(
    'section',
    { class: 'card', 'aria-label': t.rate },
    h('h2', null, t.rateTitle),
    stars,
    status,
    extra,
    h(
      'div',
      { class: 'row' },
      h('button', { type: 'button', class: 'link', onclick: back }, t.back),
    ),
  );
  // Buttons stay enabled while saving: disabling the focused one would drop keyboard focus.
  let saving = false;
  buttons.forEach((button, index) =>
    button.addEventListener('click', async () => {
      if (saving) return;
      saving = true;
      buttons.forEach((other, i) => {
        other.classList.toggle('on', i <= index);
        other.setAttribute('aria-pressed', String(i === index));
      });
      const problem = await submit(index + 1);
      saving = false;
      status.textContent = problem || t.thanks;
    }),
  );
  return card;
}
