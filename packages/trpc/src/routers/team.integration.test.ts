import { randomUUID } from 'node:crypto';
import { asUserId, schema, withTenant } from '@replyline/db';
import { openTestDatabase, type TestDatabase } from '@replyline/db/testing';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashInvitationToken } from '@replyline/core/team';
import { auditEntries, callerWith, recordingEnqueue } from '../testing/callers';
import { newMember, newWorkspace } from '../testing';

const DASHBOARD = 'https://app.replyline.test';

let t: TestDatabase;
const queue = recordingEnqueue();

beforeAll(async () => {
  t = await openTestDatabase();
}, 120_000);
afterAll(async () => t?.close());

/** A workspace on a plan with unlimited seats, with one member of each role. */
async function team(plan: 'free' | 'business' = 'business') {
  const { tenantId } = await newWorkspace(t.db, 'Fjord Outdoor');
  await t.db.update(schema.tenants).set({ plan }).where(eq(schema.tenants.id, tenantId));
  const ids = {
    owner: await newMember(t.db, tenantId, 'owner'),
    admin: await newMember(t.db, tenantId, 'admin'),
    agent: await newMember(t.db, tenantId, 'agent'),
  };
  const as = (userId: string | null) =>
    callerWith(t.db, userId, tenantId, { enqueue: queue.enqueue, dashboardUrl: DASHBOARD });
  return { tenantId, ids, as };
}

async function newUser(email: string) {
  const [user] = await t.db
    .insert(schema.users)
    .values({ email, name: 'Kari Nordmann' })
    .returning({ id: schema.users.id });
  return asUserId(user!.id);
}

const uniqueEmail = (name = 'kari') => `${name}-${randomUUID().slice(0, 8)}@example.com`;

/** The accept code from the invitation email that went out last to `to`. */
async function codeSentTo(to: string): Promise<string> {
  const emails = await t.db
    .select({ text: schema.outboundEmails.text, template: schema.outboundEmails.template })
    .from(schema.outboundEmails)
    .where(eq(schema.outboundEmails.to, to));
  const email = emails.at(-1)!;
  expect(email.template).toBe('team-invite');
  const match = new RegExp(`${DASHBOARD}/invite/([^\\s)>"]+)`).exec(email.text);
  return match![1]!;
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e as { code: string; message: string },
  );
  expect(error, 'expected a refusal').not.toBeNull();
  return { code: error!.code, message: error!.message };
}

describe('team.list', () => {
  it('shows an agent every member with email and name, and the open invitations', async () => {
    const { ids, as } = await team();
    const email = uniqueEmail();
    await as(ids.admin).team.invite({ email, role: 'agent' });
    const list = await as(ids.agent).team.list();
    expect(list.members.map((m) => m.role).sort()).toEqual(['admin', 'agent', 'owner']);
    expect(list.members[0]).toMatchObject({
      email: expect.stringMatching(/@example\.com$/),
      name: 'A owner',
    });
    expect(list.invitations).toEqual([
      expect.objectContaining({ email, role: 'agent', expired: false, invitedByName: 'A admin' }),
    ]);
  });
});

describe('team.invite', () => {
  it('emails an accept link and stores only the SHA-256 of its token, valid for 7 days', async () => {
    const { tenantId, ids, as } = await team();
    const email = uniqueEmail('Mixed.Case');
    const before = queue.jobs.length;
    const result = await as(ids.admin).team.invite({ email: email.toUpperCase(), role: 'admin' });
    expect(result.email).toBe(email.toLowerCase());
    const days = (result.expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);

    expect(queue.jobs.slice(before)).toEqual([
      expect.objectContaining({ queue: 'send-email', data: { emailId: expect.any(String) } }),
    ]);
    const code = await codeSentTo(email.toLowerCase());
    const [codeTenant, token] = code.split('.');
    expect(codeTenant).toBe(tenantId);
    const [stored] = await withTenant(t.db, tenantId, (tx) =>
      tx.select().from(schema.invitations).where(eq(schema.invitations.id, result.invitationId)),
    );
    expect(stored!.tokenHash).toBe(hashInvitationToken(token!));
    expect(JSON.stringify(stored)).not.toContain(token!);
    expect((await auditEntries(t.db, tenantId))[0]).toMatchObject({
      action: 'team.member_invited',
      actorUserId: ids.admin,
      ipAddress: '203.0.113.7',
      details: { email: email.toLowerCase(), role: 'admin' },
    });
  });

  it('refuses agents, lets only owners invite owners', async () => {
    const { ids, as } = await team();
    expect(
      (await refusal(as(ids.agent).team.invite({ email: uniqueEmail(), role: 'agent' }))).code,
    ).toBe('FORBIDDEN');
    expect(
      await refusal(as(ids.admin).team.invite({ email: uniqueEmail(), role: 'owner' })),
    ).toEqual({
      code: 'FORBIDDEN',
      message: 'Only an owner can invite another owner.',
    });
    await expect(
      as(ids.owner).team.invite({ email: uniqueEmail(), role: 'owner' }),
    ).resolves.toMatchObject({
      invitationId: expect.any(String),
    });
  });

  it("keeps an owner's invitation from an admin: no replacing it with a lesser role", async () => {
    const { tenantId, ids, as } = await team();
    const email = uniqueEmail('future-owner');
    const { invitationId } = await as(ids.owner).team.invite({ email, role: 'owner' });

    expect(await refusal(as(ids.admin).team.invite({ email, role: 'agent' }))).toEqual({
      code: 'FORBIDDEN',
      message: `${email} has an open owner invitation; only an owner can replace it.`,
    });
    const open = await withTenant(t.db, tenantId, (tx) =>
      tx
        .select({ id: schema.invitations.id, role: schema.invitations.role })
        .from(schema.invitations)
        .where(eq(schema.invitations.email, email)),
    );
    expect(open).toEqual([{ id: invitationId, role: 'owner' }]);
    expect(await refusal(as(ids.admin).team.revokeInvitation({ invitationId }))).toEqual({
      code: 'FORBIDDEN',
      message: 'Only an owner can withdraw an owner invitation.',
    });
    // The admin may still resend an invitation of their own rank or below.
    const agentEmail = uniqueEmail('agent');
    await as(ids.admin).team.invite({ email: agentEmail, role: 'admin' });
    await expect(
      as(ids.admin).team.invite({ email: agentEmail, role: 'agent' }),
    ).resolves.toBeTruthy();
  });

  it('refuses to invite a member, and a bad address', async () => {
    const { ids, as } = await team();
    const [admin] = await t.db.select().from(schema.users).where(eq(schema.users.id, ids.admin));
    expect(
      (await refusal(as(ids.owner).team.invite({ email: admin!.email, role: 'agent' }))).code,
    ).toBe('CONFLICT');
    expect(
      (await refusal(as(ids.owner).team.invite({ email: 'not an email', role: 'agent' }))).code,
    ).toBe('BAD_REQUEST');
  });

  it("counts members and open invitations against the plan's seats", async () => {
    const { tenantId } = await newWorkspace(t.db, 'Solo');
    const owner = await newMember(t.db, tenantId, 'owner');
    const caller = callerWith(t.db, owner, tenantId, {
      enqueue: queue.enqueue,
      dashboardUrl: DASHBOARD,
    });
    const refused = await refusal(caller.team.invite({ email: uniqueEmail(), role: 'agent' }));
    expect(refused.code).toBe('PRECONDITION_FAILED');
    expect(refused.message).toMatch(/Free plan includes 1 team seat.*Upgrade/);
  });

  it('says plainly when email or the dashboard address is not set up', async () => {
    const { tenantId, ids } = await team();
    const noQueue = callerWith(t.db, ids.owner, tenantId, { dashboardUrl: DASHBOARD });
    expect((await refusal(noQueue.team.invite({ email: uniqueEmail(), role: 'agent' }))).code).toBe(
      'PRECONDITION_FAILED',
    );
  });
});

describe('team.accept', () => {
  it('adds the signed-in user with the invited role, matching the email case-insensitively', async () => {
    const { tenantId, ids, as } = await team();
    const email = uniqueEmail();
    await as(ids.admin).team.invite({ email, role: 'admin' });
    const invitee = await newUser(email.toUpperCase());
    const joined = await callerWith(t.db, invitee, null).team.accept({
      code: await codeSentTo(email),
    });
    expect(joined).toEqual({ tenantId, workspaceName: 'Fjord Outdoor', role: 'admin' });
    expect(await callerWith(t.db, invitee, null).workspace.list()).toEqual([
      { id: tenantId, name: 'Fjord Outdoor', role: 'admin' },
    ]);
    expect((await as(ids.agent).team.list()).invitations).toEqual([]);
    expect((await auditEntries(t.db, tenantId))[0]).toMatchObject({
      action: 'team.invitation_accepted',
      actorUserId: invitee,
    });
  });

  it('refuses a user signed in with another email, and the link still works for the right one', async () => {
    const { ids, as } = await team();
    const email = uniqueEmail();
    await as(ids.admin).team.invite({ email, role: 'agent' });
    const code = await codeSentTo(email);
    const stranger = await newUser(uniqueEmail('mallory'));
    const refused = await refusal(callerWith(t.db, stranger, null).team.accept({ code }));
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.message).toContain(`sent to ${email}`);
    const invitee = await newUser(email);
    await expect(callerWith(t.db, invitee, null).team.accept({ code })).resolves.toMatchObject({
      role: 'agent',
    });
  });

  it('refuses an expired invitation', async () => {
    const { tenantId, ids, as } = await team();
    const email = uniqueEmail();
    const { invitationId } = await as(ids.admin).team.invite({ email, role: 'agent' });
    await withTenant(t.db, tenantId, (tx) =>
      tx
        .update(schema.invitations)
        .set({ expiresAt: new Date(Date.now() - 1000) })
        .where(
          and(eq(schema.invitations.tenantId, tenantId), eq(schema.invitations.id, invitationId)),
        ),
    );
    const invitee = await newUser(email);
    const refused = await refusal(
      callerWith(t.db, invitee, null).team.accept({ code: await codeSentTo(email) }),
    );
    expect(refused.code).toBe('BAD_REQUEST');
    expect(refused.message).toMatch(/expired/);
    expect(await callerWith(t.db, invitee, null).workspace.list()).toEqual([]);
  });

  it('refuses a used invitation, even to the person who used it', async () => {
    const { ids, as } = await team();
    const email = uniqueEmail();
    await as(ids.admin).team.invite({ email, role: 'agent' });
    const code = await codeSentTo(email);
    const invitee = await newUser(email);
    await callerWith(t.db, invitee, null).team.accept({ code });
    const refused = await refusal(callerWith(t.db, invitee, null).team.accept({ code }));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toMatch(/already been used/);
  });

  it('refuses unknown, garbled, replaced and revoked links', async () => {
    const { tenantId, ids, as } = await team();
    const user = await newUser(uniqueEmail());
    const accept = (code: string) => refusal(callerWith(t.db, user, null).team.accept({ code }));
    expect((await accept(`${tenantId}.${'x'.repeat(43)}`)).code).toBe('NOT_FOUND');
    expect((await accept('not-a-code')).code).toBe('NOT_FOUND');
    expect((await accept(`${randomUUID()}.${'y'.repeat(43)}`)).code).toBe('NOT_FOUND');

    const email = uniqueEmail();
    await as(ids.admin).team.invite({ email, role: 'agent' });
    const first = await codeSentTo(email);
    const { invitationId } = await as(ids.admin).team.invite({ email, role: 'admin' });
    expect((await accept(first)).code).toBe('NOT_FOUND');
    const second = await codeSentTo(email);
    await as(ids.admin).team.revokeInvitation({ invitationId });
    expect((await accept(second)).code).toBe('NOT_FOUND');
  });

  it('needs a signed-in user', async () => {
    expect((await refusal(callerWith(t.db, null, null).team.accept({ code: 'x.y' }))).code).toBe(
      'UNAUTHORIZED',
    );
  });
});

describe('team.changeRole', () => {
  it('lets an admin promote an agent, and records it', async () => {
    const { tenantId, ids, as } = await team();
    await expect(
      as(ids.admin).team.changeRole({ userId: ids.agent, role: 'admin' }),
    ).resolves.toEqual({
      userId: ids.agent,
      role: 'admin',
    });
    expect((await auditEntries(t.db, tenantId))[0]).toMatchObject({
      action: 'team.role_changed',
      targetId: ids.agent,
      details: { from: 'agent', to: 'admin' },
    });
  });

  it('refuses agents; admins cannot touch owners or make owners', async () => {
    const { ids, as } = await team();
    expect(
      (await refusal(as(ids.agent).team.changeRole({ userId: ids.agent, role: 'admin' }))).code,
    ).toBe('FORBIDDEN');
    expect(
      (await refusal(as(ids.admin).team.changeRole({ userId: ids.owner, role: 'agent' }))).code,
    ).toBe('FORBIDDEN');
    expect(
      (await refusal(as(ids.admin).team.changeRole({ userId: ids.agent, role: 'owner' }))).code,
    ).toBe('FORBIDDEN');
    await expect(
      as(ids.owner).team.changeRole({ userId: ids.agent, role: 'owner' }),
    ).resolves.toMatchObject({
      role: 'owner',
    });
  });

  it('never demotes the last owner; with a second owner, one may step down', async () => {
    const { ids, as } = await team();
    const refused = await refusal(
      as(ids.owner).team.changeRole({ userId: ids.owner, role: 'admin' }),
    );
    expect(refused).toEqual({
      code: 'PRECONDITION_FAILED',
      message: 'A workspace needs at least one owner. Make someone else an owner first.',
    });
    await as(ids.owner).team.changeRole({ userId: ids.admin, role: 'owner' });
    await expect(
      as(ids.owner).team.changeRole({ userId: ids.owner, role: 'admin' }),
    ).resolves.toMatchObject({
      role: 'admin',
    });
  });

  it('says when the person is not a member here', async () => {
    const { ids, as } = await team();
    const other = await team();
    expect(
      (await refusal(as(ids.owner).team.changeRole({ userId: other.ids.agent, role: 'admin' })))
        .code,
    ).toBe('NOT_FOUND');
  });
});

describe('team.remove', () => {
  it('lets an admin remove an agent, who then loses access', async () => {
    const { tenantId, ids, as } = await team();
    await as(ids.admin).team.remove({ userId: ids.agent });
    expect((await refusal(as(ids.agent).team.list())).code).toBe('FORBIDDEN');
    expect((await auditEntries(t.db, tenantId))[0]).toMatchObject({
      action: 'team.member_removed',
      targetId: ids.agent,
      details: { role: 'agent' },
    });
  });

  it('refuses agents, and admins removing an owner', async () => {
    const { ids, as } = await team();
    expect((await refusal(as(ids.agent).team.remove({ userId: ids.admin }))).code).toBe(
      'FORBIDDEN',
    );
    expect(await refusal(as(ids.admin).team.remove({ userId: ids.owner }))).toEqual({
      code: 'FORBIDDEN',
      message: 'Only an owner can remove an owner.',
    });
  });

  it('never removes the last owner', async () => {
    const { ids, as } = await team();
    expect((await refusal(as(ids.owner).team.remove({ userId: ids.owner }))).code).toBe(
      'PRECONDITION_FAILED',
    );
    await as(ids.owner).team.changeRole({ userId: ids.admin, role: 'owner' });
    await expect(as(ids.admin).team.remove({ userId: ids.owner })).resolves.toEqual({
      removed: true,
    });
  });
});
