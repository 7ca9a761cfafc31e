import type { AppRouter } from '@replyline/trpc';
import type { inferRouterOutputs } from '@trpc/server';

export type WidgetSettings = inferRouterOutputs<AppRouter>['widget']['get'];

/** The branding form's fields; optional texts are '' when not set (the API reads '' as unset). */
export interface BrandingForm {
  primaryColor: string;
  accentColor: string;
  logoUrl: string;
  avatarUrl: string;
  greeting: string;
  launcherText: string;
  position: 'bottom-right' | 'bottom-left';
  suggestedQuestions: string[];
  customerGreetings: CustomerGreetingsForm;
}

/** Greetings for signed-in customers by type; '' keeps the greeting above for that type. */
export interface CustomerGreetingsForm {
  new: string;
  returning: string;
  vip: string;
  vipMinOrders: number;
}

export const DEFAULT_VIP_MIN_ORDERS = 5;

export interface PersonaForm {
  assistantName: string;
  tone: string;
  instructions: string;
  refusedTopics: string[];
}

export type Language = (typeof LANGUAGES)[number][0];

/** The API's limits (widget-settings-schema), so the form stops people before the server does. */
export const LIMITS = {
  greeting: 300,
  vipMinOrders: [2, 50],
  launcherText: 60,
  suggestedQuestions: 6,
  suggestedQuestion: 120,
  assistantName: 60,
  tone: 200,
  instructions: 4_000,
  refusedTopics: 30,
  refusedTopic: 100,
  origins: 50,
  url: 2_000,
} as const;

export const LANGUAGES = [
  ['english', 'English'],
  ['swedish', 'Swedish'],
  ['norwegian', 'Norwegian'],
  ['danish', 'Danish'],
  ['german', 'German'],
] as const;

/** `<input type="color">` takes #rrggbb only; stored colours may be #rgb. */
export function colorInputValue(value: string | undefined, fallback = '#4f46e5'): string {
  const hex = (value ?? '').trim().toLowerCase();
  if (/^#[0-9a-f]{6}$/.test(hex)) return hex;
  if (/^#[0-9a-f]{3}$/.test(hex)) return `#${[...hex.slice(1)].map((c) => c + c).join('')}`;
  return fallback;
}

/** The form's copy of the saved branding: every optional text as a string ('' = not set). */
export function brandingForm(saved: WidgetSettings['branding']): BrandingForm {
  return {
    primaryColor: saved.primaryColor,
    accentColor: saved.accentColor ?? '',
    logoUrl: saved.logoUrl ?? '',
    avatarUrl: saved.avatarUrl ?? '',
    greeting: saved.greeting,
    launcherText: saved.launcherText ?? '',
    position: saved.position,
    suggestedQuestions: [...saved.suggestedQuestions],
    customerGreetings: {
      new: saved.customerGreetings?.new ?? '',
      returning: saved.customerGreetings?.returning ?? '',
      vip: saved.customerGreetings?.vip ?? '',
      vipMinOrders: saved.customerGreetings?.vipMinOrders ?? DEFAULT_VIP_MIN_ORDERS,
    },
  };
}

/** What the form saves: the customer greetings only when at least one is written. */
export function brandingInput(form: BrandingForm) {
  const { customerGreetings, ...rest } = form;
  const written = [customerGreetings.new, customerGreetings.returning, customerGreetings.vip];
  return written.some((text) => text.trim()) ? form : rest;
}

export function personaForm(saved: WidgetSettings['persona']): PersonaForm {
  return {
    assistantName: saved.assistantName,
    tone: saved.tone,
    instructions: saved.instructions ?? '',
    refusedTopics: [...saved.refusedTopics],
  };
}
