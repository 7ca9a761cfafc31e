import { sendEmail } from '@replyline/email';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DashboardServer } from '~/server/db';
import { useTestServer } from '~/server/testing';
import DevOutboxPage from './page';

const state = vi.hoisted(() => ({ server: null as DashboardServer | null }));
vi.mock('~/server/db', () => ({ getServer: async () => state.server }));

useTestServer(state);
afterEach(() => vi.unstubAllEnvs());

describe('/dev/outbox', () => {
  it('lists each email with its first link, sign-in links marked for clicking', async () => {
    const url = 'http://localhost:3001/api/auth/callback/email?token=abc&email=kari%40example.com';
    const { emailId } = await sendEmail(state.server!, {
      to: 'kari@example.com',
      template: 'magic-link',
      props: { url, expiresInMinutes: 30 },
    });

    const html = renderToString(await DevOutboxPage());
    const row = new RegExp(`<tr data-email-id="${emailId}" data-template="magic-link">(.*?)</tr>`);
    const cells = row.exec(html)?.[1];
    expect(cells).toContain('kari@example.com');
    expect(cells).toContain('Your Replyline sign-in link');
    expect(cells).toContain('queued');
    expect(cells).toContain(`href="${url.replace(/&/g, '&amp;')}" data-magic-link=""`);
  });

  it('does not exist in production', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    await expect(DevOutboxPage()).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404/);
  });
});
