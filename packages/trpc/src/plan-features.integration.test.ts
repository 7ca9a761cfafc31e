// The pricing page's feature promises, enforced: every procedure that declares a plan feature
// (found by walking the router, like the access test) is refused on each plan without it and
// let through on each plan with it, and the features behave per plan end to end.
import { getConversationState } from '@replyline/core';
import { assertWorkspaceAllows, PLAN_IDS, planAllows, type PlanId } from '@replyline/billing';
import { schema, withTenant, type TenantId } from '@replyline/db';
import { openTestDatabase, type TestDatabase } from '@replyline/db/testing';
import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries, callerWith, recordingEnqueue } from './testing/callers';
import { applyRetention } from '@replyline/core/retention';
import { appRouter } from './root';
import { callerFor, newMember, newWorkspace } from './testing';
import { ago, seedConversation } from './testing/seed-conversations';
import type { ProcedureMeta } from './trpc';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
}, 120_000);
afterAll(async () => t?.close());

const procedures = Object.entries(
  appRouter._def.procedures as unknown as Record<string, { _def: { meta?: ProcedureMeta } }>,
);
const gated = procedures
  .filter(([, p]) => p._def.meta?.feature)
  .map(([path, p]) => [path, p._def.meta!.feature!] as const);

/** A workspace on `plan` with an owner (who may call every procedure the plan allows). */
async function workspaceOn(plan: PlanId, name = `On ${plan}`) {
  const { tenantId } = await newWorkspace(t.db, name);
  await setPlan(tenantId, plan);
  const owner = await newMember(t.db, tenantId, 'owner');
  const agent = await newMember(t.db, tenantId, 'agent');
  return { tenantId, owner, agent, as: (userId: string) => callerFor(t.db, userId, tenantId) };
}

const setPlan = (tenantId: TenantId, plan: PlanId) =>
  t.db.update(schema.tenants).set({ plan }).where(eq(schema.tenants.id, tenantId));

function call(caller: ReturnType<typeof callerFor>, path: string): Promise<unknown> {
  const fn = path
    .split('.')
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
  return (fn as (input?: unknown) => Promise<unknown>)(undefined);
}

async function outcome(promise: Promise<unknown>) {
  try {
    await promise;
    return { code: 'allowed', message: '' };
  } catch (error) {
    if (error instanceof TRPCError) return { code: error.code, message: error.message };
    return { code: `unexpected ${String(error)}`, message: '' };
  }
}

describe('plan features on the dashboard API', () => {
  // Every gated procedure is walked below; these must be among them (SSO's setup adds its own).
  it('gates live hand-off, the audit log and retention changes', () => {
    expect(Object.fromEntries(gated)).toMatchObject({
      'inbox.takeOver': 'liveHandoff',
      'inbox.reply': 'liveHandoff',
      'inbox.handBack': 'liveHandoff',
      'settings.setRetention': 'retention',
      'settings.auditLog': 'auditLog',
    });
  });

  const cases = gated.flatMap(([path, feature]) =>
    PLAN_IDS.map((plan) => [path, feature, plan, planAllows(plan, feature)] as const),
  );
  it.each(cases)('%s (%s) on %s: allowed %s', async (path, feature, plan, allowed) => {
    const w = await workspaceOn(plan);
    // No input: a call the plan lets through stops at input validation, after the gates.
    const result = await outcome(call(w.as(w.owner), path));
    if (allowed) {
      expect(result.code).not.toBe('PAYMENT_REQUIRED');
      expect(result.code).not.toBe('FORBIDDEN');
    } else {
      expect(result.code).toBe('PAYMENT_REQUIRED');
      expect(result.message).toMatch(/is part of the (Pro|Business) plan; this workspace is on/);
      expect(result.message).toMatch(/Upgrade in Billing\.$/);
    }
  });

  it('tells a member below the role about the role, not the plan', async () => {
    const w = await workspaceOn('free');
    const result = await outcome(w.as(w.agent).settings.auditLog({}));
    expect(result).toEqual({
      code: 'FORBIDDEN',
      message: 'This needs the admin role; you are an agent.',
    });
  });
});

const handoffOn = (plan: PlanId) => async () => {
  const w = await workspaceOn(plan);
  // Handing back queues the bot's answer to what was left unanswered.
  const inbox = callerWith(t.db, w.agent, w.tenantId, { enqueue: recordingEnqueue().enqueue }).inbox;
  const conversationId = await seedConversation(t.db, w.tenantId, {
    createdAt: ago(1),
    messages: [{ role: 'visitor', content: 'Can a person help me?' }],
  });
  const steps = [
    () => inbox.takeOver({ conversationId }),
    () => inbox.reply({ conversationId, content: 'Hi, Sara here.' }),
    () => inbox.handBack({ conversationId }),
  ];
  const results = [];
  for (const step of steps) results.push(await outcome(step()));
  const state = await getConversationState(t.db, w.tenantId, conversationId);
  const transcript = await inbox.transcript({ conversationId });
  return { results, state, roles: transcript.messages.map((m) => m.role) };
};

describe('live hand-off (Pro and Business)', () => {
  it('is refused on Free in words, and the bot keeps the conversation', async () => {
    const { results, state, roles } = await handoffOn('free')();
    for (const result of results)
      expect(result).toEqual({
        code: 'PAYMENT_REQUIRED',
        message:
          'Live hand-off is part of the Pro plan; this workspace is on Free. Upgrade in Billing.',
      });
    expect(state?.botPaused).toBe(false);
    expect(roles).toEqual(['visitor']);
  });

  it.each(['pro', 'business'] as const)(
    'takes over, replies and hands back on %s',
    async (plan) => {
      const { results, state, roles } = await handoffOn(plan)();
      expect(results.map((r) => r.code)).toEqual(['allowed', 'allowed', 'allowed']);
      expect(state?.botPaused).toBe(false);
      // The customer's question, "joined", the reply, "back with the assistant".
      expect(roles).toEqual(['visitor', 'system', 'agent', 'system']);
    },
  );

  it('stops at once after a downgrade', async () => {
    const w = await workspaceOn('pro');
    const conversationId = await seedConversation(t.db, w.tenantId);
    await w.as(w.agent).inbox.takeOver({ conversationId });
    await setPlan(w.tenantId, 'free');
    const result = await outcome(w.as(w.agent).inbox.reply({ conversationId, content: 'Hi' }));
    expect(result.code).toBe('PAYMENT_REQUIRED');
  });
});

describe('audit log (Business)', () => {
  it.each(PLAN_IDS)('on %s: shown only where the plan has it', async (plan) => {
    const w = await workspaceOn(plan);
    // Recorded on every plan, so the history is there when a workspace upgrades.
    await w.as(w.owner).widget.rotateIdentitySecret();
    expect((await auditEntries(t.db, w.tenantId)).length).toBeGreaterThan(0);
    const result = await outcome(w.as(w.owner).settings.auditLog({}));
    if (plan === 'business') expect(result.code).toBe('allowed');
    else
      expect(result).toEqual({
        code: 'PAYMENT_REQUIRED',
        message: `The audit log is part of the Business plan; this workspace is on ${plan === 'free' ? 'Free' : 'Pro'}. Upgrade in Billing.`,
      });
  });
});

describe('data retention (Business)', () => {
  it.each(PLAN_IDS)('on %s: the setting changes only where the plan has it', async (plan) => {
    const w = await workspaceOn(plan);
    const result = await outcome(w.as(w.owner).settings.setRetention({ days: 30 }));
    const days = (await w.as(w.owner).settings.retention()).days;
    if (plan === 'business') {
      expect(result.code).toBe('allowed');
      expect(days).toBe(30);
    } else {
      expect(result.code).toBe('PAYMENT_REQUIRED');
      expect(result.message).toMatch(/^Data retention is part of the Business plan/);
      expect(days).toBeNull();
    }
  });

  it('is applied on Business, and kept but paused after a downgrade', async () => {
    const kept = await workspaceOn('business', 'Downgraded');
    const applied = await workspaceOn('business', 'Still Business');
    for (const w of [kept, applied]) {
      await w.as(w.owner).settings.setRetention({ days: 30 });
      await seedConversation(t.db, w.tenantId, {
        createdAt: ago(90),
        messages: [{ role: 'visitor', content: 'old', at: ago(90) }],
      });
    }
    await setPlan(kept.tenantId, 'free');
    await applyRetention({ db: t.db });
    const conversations = (tenantId: TenantId) =>
      withTenant(t.db, tenantId, (tx) =>
        tx.$count(schema.conversations, eq(schema.conversations.tenantId, tenantId)),
      );
    expect(await conversations(applied.tenantId)).toBe(0);
    expect(await conversations(kept.tenantId)).toBe(1);
    // The setting itself stays, to apply again on an upgrade.
    expect((await kept.as(kept.owner).settings.retention()).days).toBe(30);
  });
});

describe('single sign-on (Business)', () => {
  it.each(PLAN_IDS)('the gate the SSO setup calls, on %s', async (plan) => {
    const w = await workspaceOn(plan);
    const result = await assertWorkspaceAllows(t.db, w.tenantId, 'sso').then(
      () => 'allowed',
      (error: Error) => error.message,
    );
    expect(result).toBe(
      plan === 'business'
        ? 'allowed'
        : `Single sign-on is part of the Business plan; this workspace is on ${plan === 'free' ? 'Free' : 'Pro'}. Upgrade in Billing.`,
    );
  });
});
