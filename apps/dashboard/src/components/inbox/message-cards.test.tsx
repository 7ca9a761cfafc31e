import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { formatWhen } from './format';
import { MessageCards } from './message-cards';

/** The text a card shows, tags dropped (what an agent reads). */
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();

describe('cards in the inbox transcript', () => {
  it('shows an order, a booking and a result with the words the widget shows, read-only', () => {
    const html = renderToString(
      <MessageCards
        cards={[
          {
            type: 'order',
            orderId: '1001',
            status: 'Completed',
            total: '€64.80',
            items: [{ name: 'Linen shirt', quantity: 2 }],
            trackingUrl: 'https://tracking.example.com/PN1',
          },
          {
            type: 'booking',
            bookingId: 'b1',
            summary: 'Fitting',
            status: 'confirmed',
            start: '2026-12-07T09:00:00.000Z',
            end: '2026-12-07T10:00:00.000Z',
          },
          {
            type: 'result',
            title: 'Order status',
            fields: [{ label: 'Status', value: 'shipped' }],
          },
          { type: 'confirm', proposalId: 'p1', summary: 'Book a fitting', fields: [] },
        ]}
      />,
    );
    const text = textOf(html);
    expect(text).toContain('#1001 · Completed');
    expect(text).toContain('Σ €64.80');
    expect(text).toContain('2× Linen shirt');
    expect(html).toContain('href="https://tracking.example.com/PN1"');
    expect(text).toContain('Fitting · confirmed');
    // In the agent's time zone: the booked hour's date, then the end's clock time.
    expect(text).toMatch(/Fitting · confirmed \d{1,2} Dec 2026, \d\d:\d\d – \d\d:\d\d/);
    expect(text).toContain('Order status Status shipped');
    // The visitor's button is shown as it was, but does nothing here.
    expect(html).toMatch(/<button[^>]*disabled[^>]*>Confirm<\/button>/);
  });

  it('shows times the integration sent as ISO strings as the agent’s date and time', () => {
    const placedAt = '2026-12-04T10:00:00.000Z';
    const html = renderToString(
      <MessageCards
        cards={[
          { type: 'order', orderId: '7', status: 'shipped', items: [], placedAt },
          {
            type: 'result',
            title: 'Order status',
            fields: [{ label: 'Placed', value: placedAt }],
          },
          {
            type: 'confirm',
            proposalId: 'p1',
            summary: 'Book a fitting',
            fields: [{ label: 'Starts', value: '2026-12-07T09:00:00.000Z' }],
          },
          {
            type: 'booking',
            bookingId: 'b1',
            summary: 'Fitting',
            status: 'confirmed',
            start: '2026-12-07T09:00:00.000Z',
            end: '2026-12-09T09:00:00.000Z',
          },
          // Text that is not a time is left as the integration wrote it.
          { type: 'order', orderId: '8', status: 'shipped', items: [], placedAt: '2 May 2026' },
        ]}
      />,
    );
    const text = textOf(html);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    expect(text).toContain(`📅 ${formatWhen(placedAt)}`);
    expect(text).toContain(`Placed ${formatWhen(placedAt)}`);
    expect(text).toContain(`Starts ${formatWhen('2026-12-07T09:00:00.000Z')}`);
    expect(formatWhen(placedAt)).toMatch(/^\d{1,2} Dec 2026, \d\d:\d\d$/);
    // A booking over more than a day names the end's day too.
    expect(text).toMatch(/\d{1,2} Dec 2026, \d\d:\d\d – \d{1,2} Dec 2026, \d\d:\d\d/);
    expect(text).toContain('📅 2 May 2026');
  });

  it('links only to http(s) and shows text, never markup, from a stored card', () => {
    const html = renderToString(
      <MessageCards
        cards={[
          {
            type: 'order',
            orderId: '<b>1</b>',
            status: 'x',
            items: [],
            trackingUrl: 'javascript:alert(1)',
          },
          { type: 'error', message: 'That order is not on your account.' },
        ]}
      />,
    );
    expect(html).not.toContain('javascript:');
    expect(html).not.toContain('<b>1</b>');
    expect(textOf(html)).toContain('That order is not on your account.');
  });
});
