import { planById } from '@replyline/billing/plans';
import { describe, expect, it } from 'vitest';
import { overageNote, planChange, usageMeter } from './billing-view';

describe('the usage meter', () => {
  it('fills with the period’s replies against the included ones', () => {
    expect(usageMeter({ used: 500, included: 2_000 })).toEqual({
      used: 500,
      included: 2_000,
      percent: 25,
      over: 0,
      label: '500 of 2,000 AI replies used',
      level: 'ok',
    });
    expect(usageMeter({ used: 1_700, included: 2_000 }).level).toBe('near');
  });

  it('stays full past the included replies and counts the extra', () => {
    const meter = usageMeter({ used: 2_150, included: 2_000 });
    expect(meter).toMatchObject({ percent: 100, over: 150, level: 'over' });
    expect(overageNote({ plan: planById('pro') }, meter)).toBe(
      '150 replies past the included ones, billed at $0.02 each.',
    );
    const free = usageMeter({ used: 100, included: 100 });
    expect(overageNote({ plan: planById('free') }, free)).toMatch(/offered the contact form/);
  });
});

describe('plan cards', () => {
  it('offer upgrades and downgrades relative to the current plan', () => {
    expect(planChange('free', 'pro')).toBe('upgrade');
    expect(planChange('business', 'pro')).toBe('downgrade');
    expect(planChange('pro', 'pro')).toBe('current');
  });
});
