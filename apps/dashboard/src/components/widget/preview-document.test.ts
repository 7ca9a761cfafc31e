import { describe, expect, it } from 'vitest';
import { previewConfig, previewDocument } from './preview-document';
import { brandingForm, type WidgetSettings } from './widget-settings';

const settings = {
  name: 'Moonlight Books',
  publishableKey: 'pk_test_1',
  language: 'english',
  branding: {
    primaryColor: '#4f46e5',
    greeting: 'Hi!',
    position: 'bottom-right',
    suggestedQuestions: [],
  },
  persona: { assistantName: 'Assistant', tone: 'friendly', refusedTopics: [] },
} as unknown as WidgetSettings;

describe('the editor preview', () => {
  it('draws the unsaved draft over the saved settings, as a preview', () => {
    const branding = { ...brandingForm(settings.branding), greeting: 'Welcome to the library' };
    const config = previewConfig(
      settings,
      { branding, language: 'swedish' },
      'http://localhost:3001',
    );
    expect(config).toMatchObject({
      key: 'pk_test_1',
      hostOrigin: 'http://localhost:3001',
      preview: true,
      tenant: { language: 'swedish', assistantName: 'Assistant' },
    });
    expect(config.tenant.branding.greeting).toBe('Welcome to the library');
  });

  it('loads the frame script from the API and keeps typed text inside its JSON', () => {
    const branding = { ...brandingForm(settings.branding), greeting: '</script><script>alert(1)' };
    const html = previewDocument(
      'https://api.example/',
      previewConfig(settings, { branding }, 'https://app.example'),
    );
    expect(html).toContain('<script src="https://api.example/widget/frame.js"></script>');
    expect(html).not.toContain('</script><script>alert(1)');
    expect(html.match(/<\/script>/g)).toHaveLength(2);
  });
});
