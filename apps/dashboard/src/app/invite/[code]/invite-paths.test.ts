import { describe, expect, it } from 'vitest';
import { safeCallbackPath } from '../../sign-in/messages';
import { signInForInvitation } from './invite-paths';

describe('an invitation link opened while signed out', () => {
  it('signs in first and comes back to the same invitation', () => {
    const code = '3f1c2b9e-8a51-4c9b-a7c2-1d2e3f4a5b6c.AbC_dEf-123456789012345678901234';
    const path = signInForInvitation(code);
    expect(path).toBe(
      '/sign-in?callbackUrl=%2Finvite%2F3f1c2b9e-8a51-4c9b-a7c2-1d2e3f4a5b6c.AbC_dEf-123456789012345678901234',
    );
    const callback = new URL(path, 'http://localhost:3001').searchParams.get('callbackUrl');
    expect(safeCallbackPath(callback ?? undefined)).toBe(`/invite/${code}`);
  });
});
