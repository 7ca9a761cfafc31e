import { InvalidEnvError } from '@replyline/db';
import { describe, expect, it } from 'vitest';
import { readEmailEnv } from './env';
import { transportFromEnv } from './transports/from-env';

describe('email settings', () => {
  it('default to the dev outbox with a localhost sender', () => {
    const env = readEmailEnv({ RESEND_API_KEY: '', RESEND_BASE_URL: '' });
    expect(env).toEqual({ EMAIL_FROM: 'Replyline <support@replyline.localhost>' });
    expect(transportFromEnv(env).name).toBe('outbox');
  });

  it('use Resend when a key is set', () => {
    const env = readEmailEnv({ RESEND_API_KEY: 're_live_123456', EMAIL_FROM: 'help@acme.example' });
    expect(transportFromEnv(env).name).toBe('resend');
  });

  it('stop start-up with a readable reason when a setting is malformed', () => {
    const read = () =>
      readEmailEnv({
        RESEND_API_KEY: 'sk_live_123456',
        RESEND_BASE_URL: 'localhost:3000',
        EMAIL_FROM: 'Replyline <not an address>',
      });
    expect(read).toThrow(InvalidEnvError);
    expect(read).toThrow(/RESEND_API_KEY: must start with "re_"/);
    expect(read).toThrow(/RESEND_BASE_URL: /);
    expect(read).toThrow(/EMAIL_FROM: must be an address, optionally with a name/);
  });
});
