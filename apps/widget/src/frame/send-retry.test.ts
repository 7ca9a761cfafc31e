import { beforeEach, expect, it, vi } from 'vitest';
import { sseStream, useFakeFrame } from './fake-api';

const frame = useFakeFrame();
beforeEach(() => frame.boot());

const composer = () =>
  frame.mount.querySelector<HTMLTextAreaElement>('textarea[aria-label="Message"]')!;
const roles = () =>
  Array.from(frame.mount.querySelectorAll('[data-role]')).map((el) => ({
    role: el.getAttribute('data-role'),
    id: el.getAttribute('data-message-id'),
  }));

// The server died mid-answer (the stream ended without `done`) after storing the message:
// "Try again" asks about the stored message (retryOf), it does not send it a second time.
it('an answer that broke off after the message was stored is asked again with retryOf, the message shown once', async () => {
  await vi.waitFor(() => expect(composer().disabled).toBe(false));
  const broken = sseStream();
  frame.api.on('POST', /\/messages$/, () => broken.response);
  composer().value = 'What does a move cost?';
  composer().dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
  broken.send('visitor_message', { id: 'v1' });
  broken.send('token', { text: 'A move costs' });
  broken.close();
  const retry = await vi.waitFor(() => {
    const button = frame.mount.querySelector<HTMLButtonElement>('[role="alert"] button');
    if (!button) throw new Error('no retry button');
    return button;
  });

  const answered = sseStream();
  frame.api.on('POST', /\/messages$/, () => answered.response);
  retry.click();
  answered.send('visitor_message', { id: 'v1' });
  answered.send('token', { text: 'A move costs 4 900 kronor.' });
  answered.send('done', { messageId: 'a1', escalationSuggested: false, handledByHuman: false });
  answered.close();

  await vi.waitFor(() =>
    expect(roles()).toEqual([
      { role: 'visitor', id: 'v1' },
      { role: 'assistant', id: 'a1' },
    ]),
  );
  const sends = frame.api.requests(/\/messages$/, 'POST');
  expect(sends.map((call) => call.body)).toEqual([
    { text: 'What does a move cost?' },
    { text: 'What does a move cost?', retryOf: 'v1' },
  ]);
  expect(frame.mount.querySelector('[role="alert"]')).toBeNull();
});
