import { schema } from '@replyline/db';
import { openTestDatabase, type TestDatabase } from '@replyline/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries, callerWith } from '../testing/callers';
import { newMember, newWorkspace } from '../testing';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
}, 120_000);
afterAll(async () => t?.close());

async function workspace() {
  const { tenantId } = await newWorkspace(t.db);
  const ids = {
    admin: await newMember(t.db, tenantId, 'admin'),
    agent: await newMember(t.db, tenantId, 'agent'),
  };
  return { tenantId, ids, as: (userId: string) => callerWith(t.db, userId, tenantId) };
}

async function code(promise: Promise<unknown>) {
  return promise.then(
    () => 'allowed',
    (e: { code: string }) => e.code,
  );
}

describe('onboarding', () => {
  it('starts with every step pending', async () => {
    const { ids, as } = await workspace();
    expect(await as(ids.agent).onboarding.get()).toEqual({
      steps: [
        { step: 'workspace', state: 'pending' },
        { step: 'branding', state: 'pending' },
        { step: 'knowledge', state: 'pending' },
        { step: 'embed', state: 'pending' },
      ],
      complete: false,
      // Not a step anyone ticks: the widget has not loaded on an allowed website yet.
      widgetSeen: false,
    });
  });

  it('marks steps done or skipped, keeping the others, until the checklist is complete', async () => {
    const { tenantId, ids, as } = await workspace();
    const admin = as(ids.admin);
    await admin.onboarding.markStep({ step: 'workspace', value: 'done' });
    await admin.onboarding.markStep({ step: 'branding', value: 'skipped' });
    await admin.onboarding.markStep({ step: 'knowledge', value: 'done' });
    const progress = await admin.onboarding.markStep({ step: 'embed', value: 'done' });
    expect(progress.steps.map((s) => s.state)).toEqual(['done', 'skipped', 'done', 'done']);
    expect(progress.complete).toBe(true);
    const [row] = await t.db
      .select({ onboarding: schema.tenants.onboarding })
      .from(schema.tenants)
      .where(eq(schema.tenants.id, tenantId));
    expect(row!.onboarding).toEqual({
      workspace: 'done',
      branding: 'skipped',
      knowledge: 'done',
      embed: 'done',
    });
    expect((await auditEntries(t.db, tenantId))[0]).toMatchObject({
      action: 'onboarding.step_marked',
      details: { step: 'embed', value: 'done' },
    });
  });

  it('refuses agents and unknown steps', async () => {
    const { ids, as } = await workspace();
    expect(await code(as(ids.agent).onboarding.markStep({ step: 'branding', value: 'done' }))).toBe(
      'FORBIDDEN',
    );
    expect(
      await code(as(ids.admin).onboarding.markStep({ step: 'payment' as never, value: 'done' })),
    ).toBe('BAD_REQUEST');
    expect(
      await code(as(ids.admin).onboarding.markStep({ step: 'embed', value: 'maybe' as never })),
    ).toBe('BAD_REQUEST');
  });
});
