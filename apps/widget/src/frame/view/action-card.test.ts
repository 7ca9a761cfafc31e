import { describe, expect, it } from 'vitest';
import { actionCard, type CardRequest } from './action-card';

const pressed: CardRequest[] = [];
const act = (request: CardRequest) => void pressed.push(request);

describe('action cards', () => {
  it('shows an order with its items and a tracking link, as text only', () => {
    const card = actionCard(
      {
        type: 'order',
        orderId: '1001',
        status: 'shipped',
        items: [{ name: '<img src=x onerror=alert(1)>', quantity: 2 }],
        trackingUrl: 'https://track.example/1001',
      },
      act,
    );
    expect(card.dataset.card).toBe('order');
    expect(card.textContent).toContain('#1001 · shipped');
    expect(card.querySelector('img')).toBeNull();
    expect(card.querySelector('a')!.getAttribute('href')).toBe('https://track.example/1001');
  });

  it('links nowhere but http(s)', () => {
    const card = actionCard(
      { type: 'order', orderId: '1', status: 'x', items: [], trackingUrl: 'javascript:alert(1)' },
      act,
    );
    expect(card.querySelector('a')).toBeNull();
  });

  it('confirms a proposal once: the button sends its id and disables itself', () => {
    pressed.length = 0;
    const card = actionCard(
      {
        type: 'confirm',
        proposalId: 'p-1',
        actionName: 'book',
        summary: 'Book a move',
        fields: [],
      },
      act,
    );
    const button = card.querySelector('button')!;
    button.click();
    button.click();
    expect(pressed).toEqual([{ proposalId: 'p-1' }]);
    expect(button.disabled).toBe(true);
  });

  it("shows booked, proposed and an order's times as clock times, not as ISO strings", () => {
    const start = '2026-12-07T09:00:00.000Z';
    const booked = actionCard(
      {
        type: 'booking',
        bookingId: 'b-1',
        start,
        end: '2026-12-07T09:30:00.000Z',
        summary: 'Fitting',
        status: 'confirmed',
      },
      act,
    );
    const confirm = actionCard(
      {
        type: 'confirm',
        proposalId: 'p-2',
        actionName: 'book',
        summary: 'Book a fitting',
        fields: [
          { label: 'start', value: start },
          { label: 'email', value: 'ada@example.com' },
        ],
      },
      act,
    );
    const order = actionCard(
      { type: 'order', orderId: '7', status: 'shipped', items: [], placedAt: start },
      act,
    );
    for (const card of [booked, confirm, order])
      expect(card.textContent).not.toContain('2026-12-07T');
    expect(booked.textContent).toContain(
      new Date(start).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' }),
    );
    expect(confirm.textContent).toContain('ada@example.com');
  });

  it("sends a form's values under the action's name", () => {
    pressed.length = 0;
    const card = actionCard(
      {
        type: 'form',
        actionName: 'moving_quote',
        title: 'Moving quote',
        fields: [
          { name: 'rooms', label: 'Rooms', type: 'number', required: true },
          { name: 'piano', label: 'Piano', type: 'checkbox', required: false },
        ],
      },
      act,
    );
    (card.querySelector('input[name=rooms]') as HTMLInputElement).value = '3';
    card.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    expect(pressed).toEqual([{ action: 'moving_quote', params: { rooms: 3, piano: false } }]);
  });

  it('carries a picked slot in hidden fields along with the email asked for', () => {
    pressed.length = 0;
    const start = '2026-12-07T09:00:00.000Z';
    const card = actionCard(
      {
        type: 'form',
        actionName: 'book_time',
        title: 'Your email for the confirmation',
        fields: [
          { name: 'email', label: 'Your email', type: 'email', required: true },
          { name: 'start', label: '', type: 'hidden', required: true, value: start },
        ],
      },
      act,
    );
    (card.querySelector('input[name=email]') as HTMLInputElement).value = 'cy@example.com';
    card.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    expect(pressed).toEqual([{ action: 'book_time', params: { email: 'cy@example.com', start } }]);
  });
});
