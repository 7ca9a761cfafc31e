import { describe, expect, it } from 'vitest';
import {
  confirmationMatches,
  customerExportFilename,
  customerInput,
  describeAudit,
  describeErasure,
} from './customer-request';

describe('customer data requests', () => {
  it('names the customer by email or visitor id, trimmed', () => {
    expect(customerInput('email', ' ana@example.com ')).toEqual({ email: 'ana@example.com' });
    expect(customerInput('visitorId', ' v_123 ')).toEqual({ visitorId: 'v_123' });
  });

  it('confirms deletion only when the identifier is typed again', () => {
    expect(confirmationMatches('email', 'Ana@Example.com', ' ana@example.com')).toBe(true);
    expect(confirmationMatches('email', 'ana@example.com', 'ana@example.org')).toBe(false);
    expect(confirmationMatches('visitorId', 'v_AbC', 'v_abc')).toBe(false);
    expect(confirmationMatches('visitorId', 'v_AbC', 'v_AbC')).toBe(true);
    expect(confirmationMatches('email', '', '')).toBe(false);
  });

  it('makes a safe file name for the export', () => {
    expect(customerExportFilename('ana@example.com', new Date('2026-03-01T10:00:00Z'))).toBe(
      'customer-data-ana@example.com-2026-03-01.json',
    );
    expect(customerExportFilename('../../etc/passwd', new Date('2026-03-01T10:00:00Z'))).toBe(
      'customer-data-.._.._etc_passwd-2026-03-01.json',
    );
  });

  it('says what an erasure removed', () => {
    expect(describeErasure({ conversations: 1, messages: 12, tickets: 0 })).toBe(
      'Deleted 1 conversation, 12 messages.',
    );
    expect(describeErasure({ conversations: 0 })).toBe('Nothing was stored about this customer.');
  });

  it('describes audit entries', () => {
    expect(
      describeAudit({ action: 'retention.updated', targetType: 'tenant', targetId: null }),
    ).toBe('retention.updated (tenant)');
  });
});
