// "Email me this conversation" on the end-of-chat card: pre-filled, checked, sent once, a
// success line with the masked address, and the server's own words when it refuses.
import { describe, expect, it, vi } from 'vitest';
import { apiError, json, started, TEST_CONFIG, useFakeFrame } from './fake-api';

const frame = useFakeFrame();

const $ = <T extends Element = HTMLElement>(selector: string) =>
  frame.mount.querySelector<T>(selector);
const found = <T extends Element = HTMLElement>(selector: string) =>
  vi.waitFor(() => {
    const element = $<T>(selector);
    if (!element) throw new Error(`nothing matches ${selector}`);
    return element;
  });

/** Boots the chat (optionally as a signed-in customer) and ends it: the card under the stars. */
async function endedChat(identified = false) {
  if (identified)
    frame.api.on('POST', /^\/v1\/conversations$/, () => json(started({ identified: true })));
  const parent = { postMessage: vi.fn() } as unknown as Window;
  // Framed only for the signed-in customer: the anonymous one starts without waiting.
  frame.boot(identified ? parent : null);
  if (identified) {
    // An identity token as the host's server mints it; the frame reads its email claim only.
    const claims = btoa(JSON.stringify({ sub: 'u1', email: 'anna@example.com' }));
    window.dispatchEvent(
      new MessageEvent('message', {
        data: { source: 'replyline', type: 'identify', identity: { token: `h.${claims}.s` } },
        origin: TEST_CONFIG.hostOrigin,
        source: parent,
      }),
    );
  }
  await vi.waitFor(() =>
    expect($<HTMLTextAreaElement>('textarea[aria-label="Message"]')!.disabled).toBe(false),
  );
  frame.api.on('POST', /\/end$/, () => new Response(null, { status: 204 }));
  $<HTMLButtonElement>('[data-action="end"]')!.click();
  return found<HTMLFormElement>('[data-card="rating"] form[data-transcript]');
}

function submit(form: HTMLFormElement, email?: string) {
  const input = form.querySelector<HTMLInputElement>('[name="transcript-email"]')!;
  if (email !== undefined) input.value = email;
  form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
}

describe('the transcript by email at the end of a chat', () => {
  it('sends the address and shows where it went', async () => {
    frame.api.on('POST', /\/transcript$/, () => json({ sentTo: 'a…@example.com' }, 202));
    const form = await endedChat();
    const label = form.querySelector('label')!;
    expect(label.textContent).toBe('Email me this conversation');
    expect(form.querySelector<HTMLInputElement>('input')!.value).toBe('');

    submit(form, 'nope');
    expect(form.querySelector('[role="alert"]')!.textContent).toBe(
      'Please enter a valid email address.',
    );
    expect(frame.api.requests(/\/transcript$/)).toHaveLength(0);

    submit(form, ' anna@example.com ');
    await vi.waitFor(() => expect(form.getAttribute('data-transcript')).toBe('sent'));
    const [call] = frame.api.requests(/\/transcript$/, 'POST');
    expect(call!.path).toBe('/v1/conversations/c1/transcript');
    expect(call!.headers.get('authorization')).toBe('Bearer tok_1');
    expect(call!.body).toMatchObject({ email: 'anna@example.com' });
    expect(typeof (call!.body as { timeZone?: unknown }).timeZone).toBe('string');
    expect(form.textContent).toBe('Sent to a…@example.com. It should arrive within a few minutes.');
    expect(document.activeElement).toBe(form.querySelector('[role="status"]'));
  });

  it('pre-fills a signed-in customer’s email and shows the server’s reason for a refusal', async () => {
    frame.api.on('POST', /\/transcript$/, () =>
      apiError(
        429,
        'rate_limited',
        'This conversation has already been emailed 3 times in the last hour. You can ask for another copy in 12 minutes.',
      ),
    );
    const form = await endedChat(true);
    expect(form.querySelector<HTMLInputElement>('input')!.value).toBe('anna@example.com');
    submit(form);
    await vi.waitFor(() =>
      expect(form.querySelector('[role="alert"]')!.textContent).toContain('in 12 minutes'),
    );
    expect(form.getAttribute('data-transcript')).toBe('ask');
    expect(form.querySelector('input')!.getAttribute('aria-invalid')).toBe('true');
  });
});
