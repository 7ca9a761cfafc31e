// The frame's configuration, embedded by the API in the frame page as
// <script id="replyline-config" type="application/json"> (never executed: CSP has no
// inline scripts). Everything in it is treated as untrusted text.

import type { Branding, WidgetProfile } from '@replyline/api-server/contract';

export type { Branding };

export interface FrameConfig {
  key: string;
  hostOrigin: string;
  pageLanguage: string | null;
  tenant: WidgetProfile;
  /**
   * Drawn by the dashboard's widget editor from settings not saved yet: the chat shows its
   * look and starts no conversation.
   */
  preview?: boolean;
}

const str = (value: unknown): string => (typeof value === 'string' ? value : '');

function branding(raw: Record<string, unknown>): Branding {
  const questions = Array.isArray(raw.suggestedQuestions) ? raw.suggestedQuestions : [];
  return {
    primaryColor: str(raw.primaryColor),
    accentColor: str(raw.accentColor) || undefined,
    logoUrl: str(raw.logoUrl) || undefined,
    avatarUrl: str(raw.avatarUrl) || undefined,
    greeting: str(raw.greeting),
    launcherText: str(raw.launcherText) || undefined,
    position: raw.position === 'bottom-left' ? 'bottom-left' : 'bottom-right',
    suggestedQuestions: questions.map(str).filter(Boolean).slice(0, 6),
  };
}

/** Parses the embedded config; throws when it is missing or lacks the key or host origin. */
export function readConfig(doc: Document): FrameConfig {
  const element = doc.getElementById('replyline-config');
  const raw = JSON.parse((element && element.textContent) || 'null') as Record<string, unknown>;
  const tenant = (raw && typeof raw.tenant === 'object' && raw.tenant) || {};
  const t = tenant as Record<string, unknown>;
  const config: FrameConfig = {
    key: str(raw && raw.key),
    hostOrigin: str(raw && raw.hostOrigin),
    pageLanguage: str(raw && raw.pageLanguage) || null,
    preview: raw && raw.preview === true,
    tenant: {
      name: str(t.name),
      language: str(t.language),
      assistantName: str(t.assistantName) || str(t.name),
      branding: branding(
        (t.branding && typeof t.branding === 'object' ? t.branding : {}) as Record<string, unknown>,
      ),
    },
  };
  if (!config.key || !config.hostOrigin)
    throw new Error('replyline-config lacks key or hostOrigin');
  return config;
}
