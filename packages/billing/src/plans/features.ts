// What a plan unlocks besides its limits. Each feature is checked by the server (see
// `planAllows`), and its `line` is what the pricing page says about it: one name, one text.

export interface FeatureText {
  /** The feature as the subject of a sentence, e.g. "Live hand-off is part of the Pro plan." */
  readonly name: string;
  /** Its line on the pricing page and the billing page. */
  readonly line: string;
}

export const FEATURES = {
  customBranding: {
    name: 'Custom branding',
    line: 'Your own colours, logo and avatar in the widget',
  },
  liveHandoff: {
    name: 'Live hand-off',
    line: 'Live hand-off: take over a chat and answer in the widget',
  },
  sso: { name: 'Single sign-on', line: 'Single sign-on (OpenID Connect)' },
  auditLog: { name: 'The audit log', line: 'Audit log of admin actions' },
  retention: {
    name: 'Data retention',
    line: 'Data retention controls: conversations deleted after the days you choose',
  },
  // A promise the support team keeps (their queue order), not something code switches on.
  prioritySupport: { name: 'Priority support', line: 'Priority support' },
} as const satisfies Record<string, FeatureText>;

export type PlanFeature = keyof typeof FEATURES;

/** The feature switches of one plan: every feature named, so a new one cannot be forgotten. */
export type PlanFeatures = Readonly<Record<PlanFeature, boolean>>;

export const PLAN_FEATURES = Object.keys(FEATURES) as readonly PlanFeature[];

export function isPlanFeature(value: unknown): value is PlanFeature {
  return typeof value === 'string' && Object.hasOwn(FEATURES, value);
}
