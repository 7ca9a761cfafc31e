// Secret keys from the dashboard: shown once, listed without the secret, revoked, audited;
// an agent cannot see or make them (access.integration.test.ts walks the roles).
import { authenticateApiKey } from '@replyline/core/api-keys';
import { openTestDatabase, type TestDatabase } from '@replyline/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newMember, newWorkspace } from '../testing';
import { auditEntries, callerWith } from '../testing/callers';

let t: TestDatabase;

beforeAll(async () => {
  t = await openTestDatabase();
}, 120_000);
afterAll(async () => t?.close());

describe('apiKeys', () => {
  it('shows a new key once, lists it without its secret, and revokes it', async () => {
    const { tenantId } = await newWorkspace(t.db, 'Keys');
    const admin = callerWith(t.db, await newMember(t.db, tenantId, 'admin'), tenantId);

    const created = await admin.apiKeys.create({ name: 'Shop sync', scope: 'write' });
    expect(created.key).toMatch(/^sk_[0-9a-f]{32}[A-Za-z0-9_-]{32}$/);
    expect(created.lastFour).toBe(created.key.slice(-4));
    const listed = await admin.apiKeys.list();
    expect(listed).toEqual([expect.objectContaining({ id: created.id, name: 'Shop sync' })]);
    expect(JSON.stringify(listed)).not.toContain(created.key);
    await expect(authenticateApiKey(t.db, created.key)).resolves.toMatchObject({ tenantId });

    await admin.apiKeys.revoke({ keyId: created.id });
    await expect(authenticateApiKey(t.db, created.key)).rejects.toThrow(/not valid/);
    await expect(admin.apiKeys.revoke({ keyId: created.id })).rejects.toThrow(/already revoked/);
    const actions = (await auditEntries(t.db, tenantId)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['api_key.created', 'api_key.revoked']));
  });

  it('refuses a nameless key and revoking another workspace’s key', async () => {
    const { tenantId } = await newWorkspace(t.db, 'Mine');
    const other = await newWorkspace(t.db, 'Theirs');
    const owner = callerWith(t.db, await newMember(t.db, tenantId, 'owner'), tenantId);
    const theirs = callerWith(t.db, await newMember(t.db, other.tenantId, 'owner'), other.tenantId);
    await expect(owner.apiKeys.create({ name: ' ', scope: 'read' })).rejects.toThrow(/name/);
    const { id } = await theirs.apiKeys.create({ name: 'Theirs', scope: 'read' });
    await expect(owner.apiKeys.revoke({ keyId: id })).rejects.toThrow(/does not exist/);
    expect(await theirs.apiKeys.list()).toHaveLength(1);
  });
});
