import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Mock } from 'vitest';
import { createApp } from './app';
import type { FrameConfig } from './config';
import { apiError, fakeApi, json, message, sseStream, TEST_CONFIG } from './fake-api';

/** The shared test workspace, with a greeting in Markdown and one suggested question. */
const CONFIG: FrameConfig = {
  ...TEST_CONFIG,
  tenant: {
    ...TEST_CONFIG.tenant,
    branding: {
      ...TEST_CONFIG.tenant.branding,
      greeting: 'Hi, I am **Maja**!',
      suggestedQuestions: ['What does a move cost?'],
    },
  },
};
const HOST_ORIGIN = CONFIG.hostOrigin;

let api: ReturnType<typeof fakeApi>;
let parent: { postMessage: Mock };
let app: ReturnType<typeof createApp> | null = null;
let mount: HTMLElement;

function boot(options: { config?: Partial<FrameConfig>; framed?: boolean } = {}) {
  app?.destroy();
  mount = document.createElement('div');
  document.body.appendChild(mount);
  app = createApp({
    config: { ...CONFIG, ...options.config },
    mount,
    win: window,
    parent: options.framed ? (parent as unknown as Window) : null,
    storage: localStorage,
  });
}

const $ = <T extends Element = HTMLElement>(selector: string) => mount.querySelector<T>(selector);
const $$ = (selector: string) => Array.from(mount.querySelectorAll<HTMLElement>(selector));
/** Waits until the selector matches, then returns the element. */
const found = <T extends Element = HTMLElement>(selector: string) =>
  vi.waitFor(() => {
    const element = $<T>(selector);
    if (!element) throw new Error(`nothing matches ${selector}`);
    return element;
  });
const composer = () => $<HTMLTextAreaElement>('textarea[aria-label="Message"]')!;
const ready = () => vi.waitFor(() => expect(composer().disabled).toBe(false));
const messages = () =>
  $$('[data-role]').map((el) => ({
    role: el.getAttribute('data-role'),
    id: el.getAttribute('data-message-id'),
    text: el.querySelector('.bubble')?.textContent ?? el.textContent,
  }));

function type(text: string, init: KeyboardEventInit = {}): void {
  composer().value = text;
  composer().dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, ...init }));
}

function fromParent(data: unknown, init: { origin?: string; source?: unknown } = {}): void {
  window.dispatchEvent(
    new MessageEvent('message', {
      data,
      origin: init.origin ?? HOST_ORIGIN,
      source: (init.source === undefined ? parent : init.source) as Window,
    }),
  );
}

/** The answer stream for the next POST .../messages, driven by the test. */
function nextAnswer() {
  const stream = sseStream();
  api.on('POST', /\/messages$/, () => stream.response);
  return stream;
}

function fill(name: string, value: string): void {
  const field = $<HTMLInputElement>(`[name="${name}"]`)!;
  field.value = value;
}

beforeEach(() => {
  localStorage.clear();
  document.body.innerHTML = '';
  api = fakeApi();
  vi.stubGlobal('fetch', vi.fn(api.fetch));
  parent = { postMessage: vi.fn() };
});

afterEach(() => {
  app?.destroy();
  app = null;
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('starting the conversation', () => {
  it('remembers the visitor, renders the history, and resumes it after a reload', async () => {
    api.on('POST', /^\/v1\/conversations$/, () =>
      json({
        conversationId: 'c1',
        token: 'tok_1',
        resumed: true,
        status: 'open',
        botPaused: false,
        identified: false,
        messages: [
          message({ id: 'm1', role: 'visitor', content: 'Do you move pianos?' }),
          message({
            id: 'm2',
            role: 'assistant',
            content: 'Yes, for a fee [1].',
            sources: [{ n: 1, documentId: 'd1', title: 'Price list', page: 3, heading: null }],
            feedback: 1,
          }),
          message({ id: 'm3', role: 'agent', content: 'Hi, Anna here.', authorName: 'Anna' }),
        ],
      }),
    );
    boot();
    await ready();

    const [start] = api.requests(/^\/v1\/conversations$/);
    const body = start!.body as Record<string, string>;
    expect(body.key).toBe('pk_test_1');
    expect(body.hostOrigin).toBe(HOST_ORIGIN);
    expect(body.visitorId).toMatch(/^v_[A-Za-z0-9_-]{22}$/);
    expect(localStorage.getItem('replyline:visitor:pk_test_1')).toBe(body.visitorId);

    expect(messages()).toEqual([
      { role: 'visitor', id: 'm1', text: 'Do you move pianos?' },
      { role: 'assistant', id: 'm2', text: 'Yes, for a fee 1.' },
      { role: 'agent', id: 'm3', text: 'Hi, Anna here.' },
    ]);
    expect($('[data-message-id="m2"] sup')!.textContent).toBe('1');
    expect($('[data-message-id="m2"] .sources')!.textContent).toBe('Sources: 1. Price list, p. 3');
    expect($('[data-message-id="m2"] [aria-label="Helpful"]')!.getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect($('[data-message-id="m3"] .author .name')!.textContent).toBe('Anna');
    expect($('[role="log"]')!.getAttribute('aria-live')).toBe('polite');
    // The suggested questions are for a new conversation only.
    expect($('.chips')!.hidden).toBe(true);

    await vi.waitFor(() => expect(api.requests(/\/events$/)).toHaveLength(1));
    expect(api.requests(/\/events$/)[0]!.headers.get('authorization')).toBe('Bearer tok_1');

    boot(); // a reload
    await ready();
    const again = api.requests(/^\/v1\/conversations$/)[1]!.body as Record<string, string>;
    expect(again.visitorId).toBe(body.visitorId);
    expect($$('[data-role]')).toHaveLength(3);
  });

  it('shows the cards of a reloaded answer exactly as it showed them live, buttons working', async () => {
    const cards = [
      {
        type: 'order',
        orderId: '1042',
        status: 'Shipped',
        total: '€40',
        items: [{ name: 'Moving box', quantity: 2 }],
        trackingUrl: 'https://track.example.test/1042',
      },
      {
        type: 'booking',
        summary: 'Viewing',
        status: 'confirmed',
        start: '2030-05-02T09:00:00Z',
        end: '2030-05-02T09:30:00Z',
      },
      {
        type: 'quote',
        lines: [{ label: 'Van', amount: '€120' }],
        total: '€120',
        note: 'For 30 days',
      },
      {
        type: 'slots',
        actionName: 'book_viewing',
        timezone: 'UTC',
        slots: [{ start: '2030-05-03T10:00:00Z', end: '2030-05-03T10:30:00Z' }],
      },
    ];
    boot();
    await ready();
    const stream = nextAnswer();
    type('Where is my order?');
    stream.send('visitor_message', { id: 'v1', createdAt: 'now' });
    stream.send('token', { text: 'Here it is [1].' });
    stream.send('cards', { cards });
    stream.send('sources', { sources: [{ n: 1, documentId: 'd1', title: 'Orders', page: 1 }] });
    stream.send('done', { messageId: 'a1', escalationSuggested: false, handledByHuman: false });
    stream.close();
    await vi.waitFor(() => expect($('[data-message-id="a1"] .actions')).not.toBeNull());
    const live = $('[data-message-id="a1"]')!.outerHTML;

    api.on('POST', /^\/v1\/conversations$/, () =>
      json({
        conversationId: 'c1',
        token: 'tok_2',
        resumed: true,
        status: 'open',
        botPaused: false,
        identified: false,
        messages: [
          message({ id: 'v1', role: 'visitor', content: 'Where is my order?' }),
          message({
            id: 'a1',
            role: 'assistant',
            content: 'Here it is [1].',
            sources: [{ n: 1, documentId: 'd1', title: 'Orders', page: 1, heading: null }],
            cards,
          }),
        ],
      }),
    );
    boot(); // a reload
    await ready();
    const reloaded = $('[data-message-id="a1"]')!;
    expect(reloaded.outerHTML).toBe(live);
    expect($$('[data-message-id="a1"] [data-card]').map((card) => card.dataset.card)).toEqual([
      'order',
      'booking',
      'quote',
      'slots',
    ]);
    expect(reloaded.querySelector('[data-card="order"] b')!.textContent).toBe('#1042 · Shipped');

    // A slot picked from the history is booked like one picked live.
    api.on('POST', /\/actions$/, () =>
      json({ messageId: 'a2', text: 'Booked.', card: { ...cards[1], status: 'booked' } }),
    );
    reloaded.querySelector<HTMLButtonElement>('[data-card="slots"] button')!.click();
    await found('[data-message-id="a2"] [data-card="booking"]');
    expect(api.requests(/\/actions$/)[0]!.body).toEqual({
      action: 'book_viewing',
      params: { start: '2030-05-03T10:00:00Z', end: '2030-05-03T10:30:00Z' },
    });
  });

  it('shows the greeting and suggested questions; a chip sends its question', async () => {
    boot();
    await ready();
    expect($('.greeting strong')!.textContent).toBe('Maja');
    expect($('h1')!.textContent).toBe('Maja');
    const stream = nextAnswer();
    $<HTMLButtonElement>('.chip')!.click();
    await vi.waitFor(() => expect(api.requests(/\/messages$/, 'POST')).toHaveLength(1));
    expect(api.requests(/\/messages$/, 'POST')[0]!.body).toEqual({
      text: 'What does a move cost?',
    });
    expect($('.chips')!.hidden).toBe(true);
    stream.close();
  });

  it('greets a signed-in customer with the greeting the API picked for their type', async () => {
    api.on('POST', /^\/v1\/conversations$/, () =>
      json({
        conversationId: 'c1',
        token: 't',
        resumed: false,
        status: 'open',
        botPaused: false,
        identified: true,
        greeting: 'Welcome back, **VIP**!',
        messages: [],
      }),
    );
    boot();
    await ready();
    expect($('.greeting')!.textContent).toBe('Welcome back, VIP!');
    expect($('.greeting strong')!.textContent).toBe('VIP');
  });

  it('shows a polite notice with the server message when the start is refused, and can retry', async () => {
    api.on('POST', /^\/v1\/conversations$/, () =>
      apiError(401, 'invalid_identity', 'We could not verify who you are.'),
    );
    boot();
    const notice = await found('[data-state="unavailable"]');
    expect(notice.textContent).toContain('We could not verify who you are.');
    expect(composer().disabled).toBe(true);

    api.on('POST', /^\/v1\/conversations$/, () =>
      json({
        conversationId: 'c1',
        token: 't',
        resumed: false,
        status: 'open',
        botPaused: false,
        identified: false,
        messages: [],
      }),
    );
    notice.querySelector('button')!.click();
    await ready();
    expect($('[data-state="unavailable"]')).toBeNull();
  });

  it('speaks Swedish on a Swedish page', async () => {
    boot({ config: { pageLanguage: 'sv-SE' } });
    await vi.waitFor(() => expect($('textarea[aria-label="Meddelande"]')).not.toBeNull());
    expect($('button[aria-label="Skicka"]')).not.toBeNull();
    expect($('[data-action="human"]')!.textContent).toBe('Prata med en människa');
    expect(document.documentElement.lang).toBe('sv');
  });
});

describe('sending a message', () => {
  it('streams the tokens into one assistant bubble, with sources and citations', async () => {
    boot();
    await ready();
    const stream = nextAnswer();
    type('  How much is a piano move?  ');

    await vi.waitFor(() => expect($('.typing')).not.toBeNull());
    expect(api.requests(/\/messages$/, 'POST')[0]!.body).toEqual({
      text: 'How much is a piano move?',
    });
    expect(api.requests(/\/messages$/, 'POST')[0]!.headers.get('authorization')).toBe(
      'Bearer tok_1',
    );
    expect(composer().value).toBe('');
    expect(messages()).toEqual([{ role: 'visitor', id: null, text: 'How much is a piano move?' }]);

    stream.send('visitor_message', { id: 'v1', createdAt: 'now' });
    // One event split across network chunks, as TCP may deliver it.
    stream.raw('event: tok');
    stream.raw('en\ndata: {"text":"It costs "}\n');
    stream.raw('\n');
    await vi.waitFor(() => expect($('[data-role="assistant"]')).not.toBeNull());
    expect($('.typing')).toBeNull();
    stream.send('token', { text: '**500 kr** [1].' });
    stream.send('sources', { sources: [{ n: 1, documentId: 'd1', title: 'Price list', page: 3 }] });
    // The events stream echoes both messages; they must not show twice.
    api.events[0]!.send(
      'message',
      message({ id: 'v1', role: 'visitor', content: 'How much is a piano move?' }),
    );
    api.events[0]!.send(
      'message',
      message({ id: 'a1', role: 'assistant', content: 'It costs **500 kr** [1].' }),
    );
    stream.send('done', {
      messageId: 'a1',
      escalationSuggested: false,
      reason: null,
      handledByHuman: false,
    });
    stream.close();

    await vi.waitFor(() => expect(composer().disabled).toBe(false));
    await vi.waitFor(() => expect($('[data-message-id="a1"] .actions')).not.toBeNull());
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(messages()).toEqual([
      { role: 'visitor', id: 'v1', text: 'How much is a piano move?' },
      { role: 'assistant', id: 'a1', text: 'It costs 500 kr 1.' },
    ]);
    const answer = $('[data-message-id="a1"]')!;
    expect(answer.querySelector('strong')!.textContent).toBe('500 kr');
    expect(answer.querySelector('sup')!.getAttribute('title')).toBe('1. Price list, p. 3');
    expect(answer.querySelector('.sources')!.textContent).toBe('Sources: 1. Price list, p. 3');
  });

  it('Shift+Enter does not send; an empty message is not sent', async () => {
    boot();
    await ready();
    type('line one', { shiftKey: true });
    type('   ');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(api.requests(/\/messages$/, 'POST')).toHaveLength(0);
  });

  it('429: says to wait and gives the text back', async () => {
    boot();
    await ready();
    api.on('POST', /\/messages$/, () =>
      json({ error: { code: 'rate_limited', message: 'Slow down.' } }, 429, { 'retry-after': '5' }),
    );
    type('Hello?');
    await vi.waitFor(() => expect($('[role="alert"]')).not.toBeNull());
    expect($('[role="alert"]')!.textContent).toBe('Too many messages, please wait a moment.');
    expect(composer().value).toBe('Hello?');
    expect($$('[data-role="visitor"]')).toHaveLength(0);
  });

  it('other refusals show the server message; a network failure a generic one', async () => {
    boot();
    await ready();
    api.on('POST', /\/messages$/, () =>
      apiError(413, 'message_too_long', 'That message is too long.'),
    );
    type('x');
    await vi.waitFor(() =>
      expect($('[role="alert"]')?.textContent).toBe('That message is too long.'),
    );

    api.on('POST', /\/messages$/, () => Promise.reject(new TypeError('Failed to fetch')));
    type('y');
    await vi.waitFor(() =>
      expect($('[role="alert"]')?.textContent).toBe('Something went wrong. Please try again.'),
    );
  });

  it('an expired token resumes the conversation and keeps the text to send again', async () => {
    boot();
    await ready();
    api.on('POST', /\/messages$/, () => apiError(401, 'invalid_token', 'Token expired.'));
    type('Still there?');
    await vi.waitFor(() => expect(api.requests(/^\/v1\/conversations$/)).toHaveLength(2));
    await ready();
    expect(composer().value).toBe('Still there?');
    expect($('[data-state="unavailable"]')).toBeNull();
  });

  it('an error event in the stream shows its message and keeps the sent message', async () => {
    boot();
    await ready();
    const stream = nextAnswer();
    type('Hi');
    stream.send('visitor_message', { id: 'v1' });
    stream.send('error', { code: 'model_failed', message: 'The assistant is unavailable.' });
    stream.close();
    await vi.waitFor(() =>
      expect($('[role="alert"]')?.textContent).toBe('The assistant is unavailable.'),
    );
    expect(messages()).toEqual([{ role: 'visitor', id: 'v1', text: 'Hi' }]);
    expect($('.typing')).toBeNull();
  });

  it('thumbs toggle: up sends 1, up again clears with 0, down sends -1', async () => {
    boot();
    await ready();
    const stream = nextAnswer();
    type('Hi');
    stream.send('token', { text: 'Hello!' });
    stream.send('done', { messageId: 'a1', escalationSuggested: false, handledByHuman: false });
    stream.close();
    const up = await found<HTMLButtonElement>('[data-message-id="a1"] [aria-label="Helpful"]');
    const down = $<HTMLButtonElement>('[data-message-id="a1"] [aria-label="Not helpful"]')!;
    api.on('POST', /\/feedback$/, () => new Response(null, { status: 204 }));

    up.click();
    expect(up.getAttribute('aria-pressed')).toBe('true');
    up.click();
    expect(up.getAttribute('aria-pressed')).toBe('false');
    down.click();
    expect(down.getAttribute('aria-pressed')).toBe('true');
    await vi.waitFor(() => expect(api.requests(/\/feedback$/)).toHaveLength(3));
    expect(api.requests(/\/feedback$/).map((c) => [c.path, c.body])).toEqual([
      ['/v1/conversations/c1/messages/a1/feedback', { value: 1 }],
      ['/v1/conversations/c1/messages/a1/feedback', { value: 0 }],
      ['/v1/conversations/c1/messages/a1/feedback', { value: -1 }],
    ]);
  });
});

describe('talking to a human', () => {
  it('402 quota_exceeded opens the human form with the message in it', async () => {
    boot();
    await ready();
    api.on('POST', /\/messages$/, () =>
      apiError(402, 'quota_exceeded', 'Our assistant is resting; our team will answer by email.'),
    );
    type('Can you move my piano on Friday?');
    const form = await found<HTMLFormElement>('form.card');
    expect(form.textContent).toContain('Our assistant is resting; our team will answer by email.');
    expect($<HTMLTextAreaElement>('[name="message"]')!.value).toBe(
      'Can you move my piano on Friday?',
    );
    expect($('[name="email"]')).not.toBeNull();
    expect($('[name="name"]')).not.toBeNull();
    expect($$('[data-role="visitor"]')).toHaveLength(0);
  });

  it('429 replies_exhausted (the anonymous share of the day is used) opens the human form too', async () => {
    boot();
    await ready();
    api.on('POST', /\/messages$/, () =>
      apiError(429, 'replies_exhausted', 'Leave your email and a person will answer you.'),
    );
    type('Where is my order?');
    const form = await found<HTMLFormElement>('form.card');
    expect(form.textContent).toContain('Leave your email and a person will answer you.');
    expect($<HTMLTextAreaElement>('[name="message"]')!.value).toBe('Where is my order?');
  });

  it('creates a ticket and shows its number after the request and the waiting line, with no rating yet', async () => {
    boot();
    await ready();
    api.on('POST', /\/escalate$/, () => json({ ticketNumber: 12 }, 201));
    // What the server stored: the request, then the line it caused.
    api.on('GET', /\/messages$/, () =>
      json({
        messages: [
          message({ id: 'e1', role: 'visitor', content: 'Please call me' }),
          message({
            id: 'w1',
            role: 'system',
            content: 'Waiting for a person…',
            handoff: 'waiting',
          }),
        ],
      }),
    );
    $<HTMLButtonElement>('[data-action="human"]')!.click();
    expect(document.activeElement).toBe($('[name="email"]'));

    fill('email', 'not-an-email');
    fill('message', 'Please call me');
    $<HTMLButtonElement>('form.card button[type="submit"]')!.click();
    expect($('form.card [role="alert"]')!.textContent).toBe('Please enter a valid email address.');
    expect(api.requests(/\/escalate$/)).toHaveLength(0);

    fill('email', ' ada@example.test ');
    fill('name', 'Ada');
    $<HTMLButtonElement>('form.card button[type="submit"]')!.click();
    const ticket = await found('[data-ticket-number]');
    expect(ticket.getAttribute('data-ticket-number')).toBe('12');
    expect(ticket.textContent).toBe(
      'Request #12: a person from our team will answer here. We have emailed you the number.',
    );
    expect(api.requests(/\/escalate$/)[0]!.body).toEqual({
      email: 'ada@example.test',
      name: 'Ada',
      message: 'Please call me',
    });
    // In the order it happened: the request, the waiting line, the number.
    const log = $$('[role="log"] > *').map((el) => el.getAttribute('data-message-id') ?? 'ticket');
    expect(log).toEqual(['e1', 'w1', 'ticket']);
    expect($('[data-handoff="waiting"]')!.textContent).toBe('Waiting for a person…');
    expect($('.head h1')!.textContent).toBe('Northwind Movers');
    expect($('.head p')!.textContent).toBe('Waiting for a person…');
    expect($('form.card')).toBeNull();
    expect($('[aria-label="4 stars"]')).toBeNull();
  });

  it('asks for a rating when the visitor ends the chat, and not twice when the ended line follows', async () => {
    boot();
    await ready();
    api.on('POST', /\/end$/, () => new Response(null, { status: 204 }));
    api.on('POST', /\/rating$/, () => new Response(null, { status: 204 }));
    $<HTMLButtonElement>('[data-action="end"]')!.click();
    const star = await found<HTMLButtonElement>('[aria-label="4 stars"]');
    expect(api.requests(/\/end$/)).toHaveLength(1);
    await vi.waitFor(() => expect(api.events).toHaveLength(1));
    api.events[0]!.send(
      'message',
      message({
        id: 'x1',
        role: 'system',
        content: 'This conversation has ended.',
        handoff: 'ended',
      }),
    );
    await found('[data-message-id="x1"]');
    expect($('[aria-label="4 stars"]')).toBe(star);
    star.click();
    await vi.waitFor(() =>
      expect($('.card [role="status"]')!.textContent).toBe('Thank you for your feedback!'),
    );
    expect(api.requests(/\/rating$/)[0]!.body).toEqual({ rating: 4 });
  });

  it('a refused escalation keeps the form and shows why', async () => {
    boot();
    await ready();
    api.on('POST', /\/escalate$/, () => apiError(400, 'invalid_request', 'Email is not valid.'));
    $<HTMLButtonElement>('[data-action="human"]')!.click();
    fill('email', 'ada@example.test');
    fill('message', 'Help');
    $<HTMLButtonElement>('form.card button[type="submit"]')!.click();
    await vi.waitFor(() =>
      expect($('form.card [role="alert"]')!.textContent).toBe('Email is not valid.'),
    );
    expect($('[data-ticket-number]')).toBeNull();
  });

  it('offers the form when the answer suggests a human, without taking the focus', async () => {
    boot();
    await ready();
    const stream = nextAnswer();
    type('This is useless!');
    composer().focus();
    stream.send('token', { text: 'Sorry about that.' });
    stream.send('done', {
      messageId: 'a1',
      escalationSuggested: true,
      reason: 'negative_sentiment',
      handledByHuman: false,
    });
    stream.close();
    const form = await found('form.card');
    expect(form.textContent).toContain(
      'It looks like a person from our team could help you better.',
    );
    expect(document.activeElement).toBe(composer());
  });

  it('"Rate this conversation" opens the stars', async () => {
    boot();
    await ready();
    $<HTMLButtonElement>('[data-action="rate"]')!.click();
    expect($$('.star')).toHaveLength(5);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect($('.star')).toBeNull();
  });
});

describe('live updates and the host page', () => {
  it('uses the identity the host page sends, and only from the host origin and parent window', async () => {
    boot({ framed: true });
    expect(parent.postMessage).toHaveBeenCalledWith(
      { source: 'replyline', type: 'ready' },
      HOST_ORIGIN,
    );
    const identity = { userId: 'u_1', signature: 'ab12', context: { plan: 'pro' } };
    fromParent(
      { source: 'replyline', type: 'identify', identity: { userId: 'evil', signature: 'x' } },
      { origin: 'https://evil.example' },
    );
    fromParent(
      { source: 'replyline', type: 'identify', identity: { userId: 'evil', signature: 'x' } },
      { source: window },
    );
    fromParent({ type: 'identify', identity: { userId: 'evil', signature: 'x' } });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(api.requests(/^\/v1\/conversations$/)).toHaveLength(0); // still waiting for the host page
    // Nothing to hand over or rate yet: the footer's buttons wait with the composer.
    for (const action of ['human', 'rate', 'end'])
      expect($<HTMLButtonElement>(`[data-action="${action}"]`)!.disabled).toBe(true);

    fromParent({ source: 'replyline', type: 'identify', identity });
    fromParent({ source: 'replyline', type: 'visibility', open: true });
    await ready();
    expect($<HTMLButtonElement>('[data-action="human"]')!.disabled).toBe(false);
    const starts = api.requests(/^\/v1\/conversations$/);
    expect(starts).toHaveLength(1);
    // The older signature covers the user id only: the unsigned context stays behind.
    expect((starts[0]!.body as { identity: unknown }).identity).toEqual({
      userId: 'u_1',
      signature: 'ab12',
    });
  });

  it('sends an identity token as it is, and nothing unsigned beside it', async () => {
    boot({ framed: true });
    fromParent({
      source: 'replyline',
      type: 'identify',
      identity: { token: 'eyJhbGciOiJIUzI1NiJ9.e30.sig', name: 'Not signed' },
    });
    fromParent({ source: 'replyline', type: 'visibility', open: true });
    await ready();
    const starts = api.requests(/^\/v1\/conversations$/);
    expect((starts[0]!.body as { identity: unknown }).identity).toEqual({
      token: 'eyJhbGciOiJIUzI1NiJ9.e30.sig',
    });
  });

  it('renders agent messages from the events stream once, and counts them as unread while closed', async () => {
    boot({ framed: true });
    fromParent({ source: 'replyline', type: 'visibility', open: true });
    await ready();
    await vi.waitFor(() => expect(api.events).toHaveLength(1));
    fromParent({ source: 'replyline', type: 'visibility', open: false });

    const agent = message({
      id: 'g1',
      role: 'agent',
      content: 'Anna here, **hello**!',
      authorName: 'Anna',
    });
    api.events[0]!.send('status', {
      status: 'open',
      botPaused: true,
      handoff: 'person',
      agent: { name: 'Anna', avatarUrl: null },
    });
    api.events[0]!.send(
      'message',
      message({
        id: 'j1',
        role: 'system',
        content: 'Anna joined',
        handoff: 'joined',
        authorName: 'Anna',
        authorAvatarUrl: 'https://cdn.example.test/anna.png',
      }),
    );
    api.events[0]!.send('message', agent);
    api.events[0]!.send('message', agent);
    await vi.waitFor(() => expect($('[data-message-id="g1"]')).not.toBeNull());
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect($$('[data-message-id="g1"]')).toHaveLength(1);
    expect($('[data-message-id="g1"] .author .name')!.textContent).toBe('Anna');
    expect($('[data-message-id="g1"] strong')!.textContent).toBe('hello');
    expect($('[data-message-id="j1"]')!.textContent).toBe('Anna joined');
    expect($('[data-message-id="j1"] img')!.getAttribute('src')).toBe(
      'https://cdn.example.test/anna.png',
    );
    // The header names the person now, with their picture, not the assistant.
    expect($('.head h1')!.textContent).toBe('Anna');
    expect($('.head img')!.getAttribute('src')).toBe('https://cdn.example.test/anna.png');
    expect(parent.postMessage).toHaveBeenCalledWith(
      { source: 'replyline', type: 'unread', count: 1 },
      HOST_ORIGIN,
    );

    fromParent({ source: 'replyline', type: 'visibility', open: true });
    expect(parent.postMessage).toHaveBeenLastCalledWith(
      { source: 'replyline', type: 'unread', count: 0 },
      HOST_ORIGIN,
    );
    expect(document.activeElement).toBe(composer());
  });

  it('shows the agent typing, passes the visitor typing on only while a person is involved, and names the assistant again after hand-back', async () => {
    boot();
    await ready();
    await vi.waitFor(() => expect(api.events).toHaveLength(1));
    api.on('POST', /\/typing$/, () => new Response(null, { status: 204 }));
    const type = (text: string) => {
      composer().value = text;
      composer().dispatchEvent(new Event('input'));
    };
    type('h'); // the bot answers: nobody to tell
    expect(api.requests(/\/typing$/)).toHaveLength(0);
    expect($('.head h1')!.textContent).toBe('Maja');

    const line = (id: string, handoff: 'joined' | 'bot_back', content: string) =>
      message({
        id,
        role: 'system',
        content,
        handoff,
        authorName: handoff === 'joined' ? 'Anna' : null,
      });
    api.events[0]!.send('message', line('j1', 'joined', 'Anna joined'));
    await found('[data-message-id="j1"]');
    type('he');
    type('hel'); // within 2 s of the first: held for the end of the 2 s
    expect(api.requests(/\/typing$/)).toHaveLength(1);

    api.events[0]!.send('typing', { by: 'agent' });
    const dots = await found('[data-typing="agent"]');
    expect(dots.getAttribute('aria-label')).toBe('Anna is writing…');
    expect(dots.querySelector('.who')!.textContent).toBe('Anna is writing…');
    api.events[0]!.send(
      'message',
      message({ id: 'g1', role: 'agent', content: 'Hi!', authorName: 'Anna' }),
    );
    await found('[data-message-id="g1"]');
    expect($('[data-typing="agent"]')).toBeNull();

    api.events[0]!.send(
      'message',
      line('b1', 'bot_back', 'You’re chatting with our assistant again.'),
    );
    await found('[data-message-id="b1"]');
    expect($('[data-message-id="b1"]')!.textContent).toBe(
      'You’re chatting with our assistant again.',
    );
    expect($('.head h1')!.textContent).toBe('Maja');
  });

  it('announces typing that starts inside the 2 s window once the window ends, unless the text was sent by then', async () => {
    vi.useFakeTimers();
    boot();
    await vi.advanceTimersByTimeAsync(10);
    api.on('POST', /\/typing$/, () => new Response(null, { status: 204 }));
    api.events[0]!.send(
      'message',
      message({
        id: 'j1',
        role: 'system',
        content: 'Anna joined',
        handoff: 'joined',
        authorName: 'Anna',
      }),
    );
    await vi.advanceTimersByTimeAsync(10);
    const typed = (text: string) => {
      composer().value = text;
      composer().dispatchEvent(new Event('input'));
    };
    const announced = () => api.requests(/\/typing$/).length;

    typed('Is the van');
    expect(announced()).toBe(1);
    // Sent; the next message starts at once, inside the window, keystroke after keystroke.
    await vi.advanceTimersByTimeAsync(600);
    typed('');
    typed('A');
    typed('An');
    typed('And');
    expect(announced()).toBe(1);
    await vi.advanceTimersByTimeAsync(1_390);
    expect(announced()).toBe(1);
    await vi.advanceTimersByTimeAsync(10); // the window ends 2 s after the first
    expect(announced()).toBe(2);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(announced()).toBe(2); // one announcement for all of them, none repeated

    // Typed inside the next window, but sent before it ended: nothing is being written.
    typed('And the boxes?');
    expect(announced()).toBe(3);
    await vi.advanceTimersByTimeAsync(500);
    typed('And the boxes? Also');
    typed('');
    await vi.advanceTimersByTimeAsync(2_000);
    expect(announced()).toBe(3);
  });

  it('reconnects the events stream with backoff and catches up on what it missed', async () => {
    vi.useFakeTimers();
    boot();
    await vi.advanceTimersByTimeAsync(10);
    expect(api.events).toHaveLength(1);
    api.on('GET', /\/messages$/, () =>
      json({
        messages: [message({ id: 'g2', role: 'agent', content: 'Missed me?', authorName: 'Anna' })],
      }),
    );
    api.events[0]!.close(); // the connection drops
    await vi.advanceTimersByTimeAsync(500);
    expect(api.events).toHaveLength(1); // not hammering the server
    await vi.advanceTimersByTimeAsync(1000);
    expect(api.events).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(10);
    expect($('[data-message-id="g2"]')!.textContent).toContain('Missed me?');
  });

  it('the close button and Escape ask the host page to close the panel', async () => {
    boot({ framed: true });
    $<HTMLButtonElement>('button[aria-label="Close chat"]')!.click();
    expect(parent.postMessage).toHaveBeenLastCalledWith(
      { source: 'replyline', type: 'close' },
      HOST_ORIGIN,
    );
    parent.postMessage.mockClear();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(parent.postMessage).toHaveBeenCalledWith(
      { source: 'replyline', type: 'close' },
      HOST_ORIGIN,
    );
  });
});

describe("the dashboard editor's preview", () => {
  it('shows the unsaved look and starts no conversation; a question gets an explanation', async () => {
    boot({ config: { preview: true }, framed: true });
    expect($('.greeting')!.textContent).toBe('Hi, I am Maja!');
    expect(composer().disabled).toBe(false);
    type('What does a move cost?');
    expect((await found('[data-preview]')).textContent).toContain('This is a preview');
    await new Promise((resolve) => setTimeout(resolve, 1600)); // past PARENT_WAIT_MS
    expect(api.calls).toEqual([]);
  });
});
