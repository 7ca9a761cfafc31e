import { describe, expect, it } from 'vitest';
import { ssoStatus, type SsoConnectionView } from './sso-status';

const connection: SsoConnectionView = {
  issuer: 'https://login.acme.example',
  clientId: 'replyline',
  hasClientSecret: true,
  emailDomain: 'acme.example',
  autoJoinRole: 'agent',
  enabled: true,
  domainVerifiedAt: '2026-12-01T10:00:00.000Z',
  verificationRecord: { type: 'TXT', name: 'acme.example', value: 'replyline-verification=abc' },
  active: true,
};

describe('SSO status line', () => {
  it('walks through plan, setup, verification, switched off and on', () => {
    expect(ssoStatus({ planIncludesSso: false, connection: null }).label).toBe(
      'Not included in your plan',
    );
    expect(ssoStatus({ planIncludesSso: true, connection: null }).label).toBe('Not set up');
    const unverified = { ...connection, domainVerifiedAt: null, active: false };
    expect(ssoStatus({ planIncludesSso: true, connection: unverified })).toMatchObject({
      label: 'Waiting for domain verification',
      detail: expect.stringContaining('acme.example'),
      live: false,
    });
    const off = { ...connection, enabled: false, active: false };
    expect(ssoStatus({ planIncludesSso: true, connection: off }).label).toBe('Switched off');
    expect(ssoStatus({ planIncludesSso: true, connection })).toMatchObject({
      label: 'On',
      live: true,
      detail: expect.stringMatching(/@acme\.example.*join this workspace as an agent/),
    });
    const invitesOnly = { ...connection, autoJoinRole: null };
    expect(ssoStatus({ planIncludesSso: true, connection: invitesOnly }).detail).toMatch(
      /Only members and invited people get in\.$/,
    );
  });
});
