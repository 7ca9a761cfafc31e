import type { TestDatabase } from '@replyline/db/testing';
import type { TenantId } from '@replyline/db';
import { addFaq, addText, newTenant } from './fixtures';

/** A small moving company's knowledge, written for these tests. */
export const MOVING_FAQ = [
  {
    question: 'Do you move pianos?',
    answer:
      'Yes. Upright pianos are $250 and grand pianos $450 within the city. Gun safes need a site visit first.',
  },
  {
    question: 'How much does a move cost?',
    answer:
      'Two movers and a truck cost $129 per hour with a 3-hour minimum. A two-bedroom apartment takes 5 to 7 hours.',
  },
  {
    question: 'Can I reschedule my move?',
    answer:
      'Rescheduling is free up to 7 days before moving day. Within 7 days the $100 deposit is kept.',
  },
  {
    question: 'Do you sell boxes?',
    answer:
      'A packing kit with 30 boxes is $89. Unused boxes can be returned within 30 days for a full refund.',
  },
  {
    question: 'How do I pay?',
    answer:
      'A $100 deposit secures your date. The balance is paid by card on moving day. We do not accept cash.',
  },
];

export const MOVING_POLICY = `# Terms and damage policy

## Damage claims
Damage must be reported within 14 days of delivery, in writing, with photos. We answer every claim within 10 business days.

## Access and stairs
Stairs beyond the third floor without a lift cost $40 extra per floor. Waiting time is billed at the hourly rate.`;

export async function movingTenant(
  t: TestDatabase,
  persona: { refusedTopics?: string[] } = {},
): Promise<TenantId> {
  const tenantId = await newTenant(t, {
    siteUrl: 'https://movers.example',
    allowedOrigins: ['https://movers.example'],
    persona: {
      assistantName: 'Maja',
      tone: 'warm and brief',
      refusedTopics: persona.refusedTopics ?? ['legal advice'],
    },
  });
  await addFaq(t, tenantId, MOVING_FAQ);
  await addText(t, tenantId, 'Terms and damage policy', MOVING_POLICY);
  return tenantId;
}
