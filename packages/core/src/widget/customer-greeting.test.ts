import { describe, expect, it } from 'vitest';
import { customerGreeting, customerTypeOf } from './customer-greeting';
import { ZBranding } from './widget-settings-schema';

const orders = (count: number) => Array.from({ length: count }, (_, i) => String(1000 + i));
const greetings = {
  new: 'Welcome! First order ships free.',
  returning: 'Good to see you again!',
  vip: 'Welcome back — you have priority support.',
  vipMinOrders: 5,
};

describe('customer greetings', () => {
  it('types a customer by the orders their token signs', () => {
    expect(customerTypeOf({}, 5)).toBe('new');
    expect(customerTypeOf({ orderIds: [] }, 5)).toBe('new');
    expect(customerTypeOf({ orderIds: orders(4) }, 5)).toBe('returning');
    expect(customerTypeOf({ orderIds: orders(5) }, 5)).toBe('vip');
  });

  it('greets each type with its greeting, and falls back when a type has none', () => {
    expect(customerGreeting(greetings, { orderIds: orders(6) })).toBe(greetings.vip);
    expect(customerGreeting(greetings, { orderIds: orders(1) })).toBe(greetings.returning);
    expect(customerGreeting({ vipMinOrders: 3, vip: 'Hi VIP' }, { orderIds: [] })).toBeNull();
  });

  it('gives an anonymous visitor, or a workspace without rules, the usual greeting', () => {
    expect(customerGreeting(greetings, null)).toBeNull();
    expect(customerGreeting(undefined, { orderIds: orders(9) })).toBeNull();
  });

  it('refuses a VIP rule that could never or always match, with a sentence', () => {
    const branding = {
      primaryColor: '#0f766e',
      greeting: 'Hi',
      position: 'bottom-right',
      suggestedQuestions: [],
    };
    const parsed = ZBranding.safeParse({ ...branding, customerGreetings: { vipMinOrders: 1 } });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toContain('at least 2 orders');
    expect(
      ZBranding.safeParse({ ...branding, customerGreetings: { vipMinOrders: 51 } }).success,
    ).toBe(false);
    const empty = ZBranding.parse({
      ...branding,
      customerGreetings: { new: ' ', vipMinOrders: 5 },
    });
    expect(empty.customerGreetings).toEqual({ vipMinOrders: 5 });
  });
});
