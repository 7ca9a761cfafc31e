import type { BrandingForm, PersonaForm, WidgetSettings } from './widget-settings';

/** What the editor's forms hold and have not saved yet; the preview draws from it. */
export interface WidgetDraft {
  branding?: BrandingForm;
  persona?: PersonaForm;
  language?: string;
}

/** The chat frame's configuration (apps/widget frame/config.ts) for the editor's preview. */
export function previewConfig(settings: WidgetSettings, draft: WidgetDraft, hostOrigin: string) {
  const branding = draft.branding ?? settings.branding;
  const assistantName = (draft.persona ?? settings.persona).assistantName.trim();
  return {
    key: settings.publishableKey,
    hostOrigin,
    pageLanguage: null,
    preview: true,
    tenant: {
      name: settings.name,
      language: draft.language ?? settings.language,
      assistantName: assistantName || settings.name,
      branding: {
        ...branding,
        greeting: branding.greeting.trim(),
        suggestedQuestions: branding.suggestedQuestions.map((q) => q.trim()).filter(Boolean),
      },
    },
  };
}

/**
 * The chat frame's page, drawn inside the dashboard (an `srcdoc` frame) from settings that
 * are not saved yet: the same script the API serves to websites, fed the editor's draft. The
 * config travels as JSON in a non-executed script element, `<` escaped so no text can end it.
 */
export function previewDocument(apiUrl: string, config: ReturnType<typeof previewConfig>) {
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  const script = `${apiUrl.replace(/\/+$/, '')}/widget/frame.js`.replace(/"/g, '&quot;');
  return `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Chat preview</title></head><body><div id="app"></div><script id="replyline-config" type="application/json">${json}</script><script src="${script}"></script></body></html>`;
}
