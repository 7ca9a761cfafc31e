import { describe, expect, it } from 'vitest';
import { parseMarketingEnv } from './env';

describe('marketing settings', () => {
  it('points at the local dashboard, API and demo workspace in development', () => {
    expect(parseMarketingEnv({ NODE_ENV: 'development' })).toEqual({
      dashboardUrl: 'http://localhost:3001',
      widgetApiUrl: 'http://localhost:4000',
      demoWidgetKey: 'pk_demo_northwind',
    });
  });

  it('shows no live widget in a production build that was not told where the API is', () => {
    expect(parseMarketingEnv({ NODE_ENV: 'production' }).widgetApiUrl).toBeNull();
    expect(
      parseMarketingEnv({ NODE_ENV: 'production', NEXT_PUBLIC_WIDGET_API_URL: '' }).widgetApiUrl,
    ).toBeNull();
  });

  it('uses the configured URLs without their trailing slash, and the configured key', () => {
    const env = parseMarketingEnv({
      NODE_ENV: 'production',
      NEXT_PUBLIC_DASHBOARD_URL: 'https://app.replyline.example/',
      NEXT_PUBLIC_WIDGET_API_URL: 'https://api.replyline.example//',
      NEXT_PUBLIC_DEMO_WIDGET_KEY: 'pk_live_site',
    });
    expect(env).toEqual({
      dashboardUrl: 'https://app.replyline.example',
      widgetApiUrl: 'https://api.replyline.example',
      demoWidgetKey: 'pk_live_site',
    });
  });

  it('refuses a secret key or a URL that is not http(s), naming the setting', () => {
    expect(() => parseMarketingEnv({ NEXT_PUBLIC_DEMO_WIDGET_KEY: 'sk_live_oops' })).toThrow(
      /NEXT_PUBLIC_DEMO_WIDGET_KEY: must be a publishable key/,
    );
    expect(() => parseMarketingEnv({ NEXT_PUBLIC_WIDGET_API_URL: 'ftp://api.example' })).toThrow(
      /NEXT_PUBLIC_WIDGET_API_URL: must be an absolute http\(s\) URL/,
    );
  });
});
