import type { Route } from 'next';

export interface Section {
  href: Route;
  label: string;
  /** One line on what the page is for, shown until the page is built. */
  purpose: string;
}

/** The dashboard's pages, in sidebar order. */
export const SECTIONS = {
  inbox: {
    href: '/inbox',
    label: 'Inbox',
    purpose: 'Live conversations, with the assistant’s answers and the ones waiting for a person.',
  },
  tickets: {
    href: '/tickets',
    label: 'Tickets',
    purpose: 'Questions handed to your team by email, with their replies.',
  },
  knowledge: {
    href: '/knowledge',
    label: 'Knowledge',
    purpose: 'The PDFs, FAQs and pages your assistant answers from.',
  },
  widget: {
    href: '/widget',
    label: 'Widget',
    purpose: 'Colours, greeting and the snippet to paste into your site.',
  },
  analytics: {
    href: '/analytics',
    label: 'Analytics',
    purpose: 'Conversations, resolution rate, hand-offs and what people ask about.',
  },
  team: { href: '/team', label: 'Team', purpose: 'Who can answer, and with which role.' },
  billing: { href: '/billing', label: 'Billing', purpose: 'Your plan, usage and invoices.' },
  settings: {
    href: '/settings',
    label: 'Settings',
    purpose: 'Workspace name, languages, allowed websites and data retention.',
  },
} satisfies Record<string, Section>;

export type SectionId = keyof typeof SECTIONS;
