import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PLANS, featureLines, formatPrice, planById } from '@replyline/billing/plans';
import PricingPage from './page';

describe('plans', () => {
  it('offers Free, Pro and Business, in that order', () => {
    expect(PLANS.map((plan) => plan.name)).toEqual(['Free', 'Pro', 'Business']);
  });

  it('gives every plan a unique id', () => {
    const ids = PLANS.map((plan) => plan.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives every plan a whole, non-negative price and prices rise with the tier', () => {
    for (const plan of PLANS) {
      expect(Number.isInteger(plan.monthlyPriceUsd)).toBe(true);
      expect(plan.monthlyPriceUsd).toBeGreaterThanOrEqual(0);
    }
    const prices = PLANS.map((plan) => plan.monthlyPriceUsd);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    expect(PLANS[0]?.monthlyPriceUsd).toBe(0);
  });

  it('features at most one plan', () => {
    expect(PLANS.filter((plan) => plan.featured).length).toBeLessThanOrEqual(1);
  });
});

describe('pricing page', () => {
  const html = renderToString(<PricingPage />);

  it('renders every plan with its name and price', () => {
    for (const plan of PLANS) {
      expect(html).toContain(`id="plan-${plan.id}"`);
      expect(html).toContain(`>${plan.name}</h2>`);
      expect(html).toContain(formatPrice(plan));
      expect(html).toContain(`${plan.includedReplies.toLocaleString('en-US')} AI replies a month`);
    }
  });

  it('sends each plan’s button to the dashboard sign-in, then onboarding on that plan', () => {
    for (const plan of PLANS) {
      expect(html).toContain(
        `href="http://localhost:3001/sign-in?next=%2Fonboarding%3Fplan%3D${plan.id}"`,
      );
    }
    expect(html).toContain(
      'href="http://localhost:3001/sign-in?next=%2Fonboarding%3Fplan%3Dfree">Start for free',
    );
    expect(html).toContain(
      'href="http://localhost:3001/sign-in?next=%2Fonboarding%3Fplan%3Dpro">Start with Pro',
    );
  });

  it('lists each plan’s lines from the plan config, the ones the server enforces', () => {
    for (const plan of PLANS) {
      const card = html.slice(html.indexOf(`id="plan-${plan.id}"`)).split('</article>')[0]!;
      const checklist = card.slice(card.indexOf('class="checklist"')).split('</ul>')[0]!;
      const listed = [...checklist.matchAll(/<li>([^<]*)<\/li>/g)].map((m) => m[1]);
      expect(listed).toEqual(featureLines(plan));
    }
  });

  it('promises what is enforced: 50 articles on Free, hand-off on Pro, SSO, audit log and retention on Business', () => {
    const card = (id: 'free' | 'pro' | 'business') =>
      html.slice(html.indexOf(`id="plan-${id}"`)).split('</article>')[0]!;
    expect(card('free')).toContain('Up to 50 help articles');
    expect(card('free')).not.toMatch(/hand-off: take over|Audit log|Single sign-on|retention/i);
    expect(card('pro')).toContain('Live hand-off');
    expect(card('pro')).not.toMatch(/Audit log|Single sign-on|retention/i);
    for (const line of ['Single sign-on', 'Audit log', 'Data retention'])
      expect(card('business')).toContain(line);
    expect(planById('free').helpArticles).toBe(50);
  });

  it('has exactly one top-level heading', () => {
    expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
  });
});
