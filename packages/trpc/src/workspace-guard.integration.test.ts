// A page loaded for workspace A must not save into workspace B after the user switched (in
// another tab, or before the page re-rendered): the call names A, the cookie says B.
import { asUserId, createTenant, schema, withTenant, type TenantId } from '@replyline/db';
import { openTestDatabase, type TestDatabase } from '@replyline/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContextInner } from './context';
import { createCaller } from './root';
import { newMember } from './testing';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
}, 120_000);
afterAll(async () => t?.close());

async function workspace(name: string, suggestedQuestions: string[]) {
  const { tenantId } = await createTenant(t.db, {
    name,
    slug: `ws-${crypto.randomUUID().slice(0, 8)}`,
    branding: { greeting: `Welcome to ${name}`, suggestedQuestions },
  });
  await t.db.update(schema.tenants).set({ plan: 'pro' }).where(eq(schema.tenants.id, tenantId));
  return tenantId;
}

/** A user who is an admin of both workspaces. */
async function adminOfBoth(a: TenantId, b: TenantId) {
  const userId = await newMember(t.db, a, 'admin');
  await withTenant(t.db, b, (tx) =>
    tx.insert(schema.memberships).values({ tenantId: b, userId, role: 'admin' }),
  );
  return userId;
}

/** The dashboard API as a page loaded for `pageWorkspaceId` calls it, with `selected` chosen. */
function pageCaller(userId: string, selected: TenantId, pageWorkspaceId: string | null) {
  return createCaller(
    createContextInner({
      db: t.db,
      userId: asUserId(userId),
      selectedTenantId: selected,
      pageWorkspaceId,
    }),
  );
}

const branding = async (tenantId: TenantId) =>
  (await t.db.select().from(schema.tenants).where(eq(schema.tenants.id, tenantId)))[0]!.branding;

describe('a call from a page loaded for another workspace', () => {
  it('is refused with CONFLICT, naming both workspaces, and writes nothing anywhere', async () => {
    const a = await workspace('Fjord Outdoor', ['Do you ship to Norway?']);
    const b = await workspace('Moonlight Books', ['Do you sell gift cards?']);
    const userId = await adminOfBoth(a, b);
    const [beforeA, beforeB] = [await branding(a), await branding(b)];
    // The form of workspace A, as the page loaded it, with the greeting edited.
    const loadedA = await pageCaller(userId, a, a).widget.get();
    const formA = { ...loadedA.branding, greeting: 'Edited in A', suggestedQuestions: [] };

    const refusal = await pageCaller(userId, b, a)
      .widget.update({ branding: formA })
      .then(
        () => null,
        (error: { code: string; message: string }) => error,
      );

    expect(refusal).toMatchObject({
      code: 'CONFLICT',
      message:
        'This page was loaded for workspace Fjord Outdoor; you have switched to Moonlight Books. Reload to edit Moonlight Books.',
    });
    expect(await branding(a)).toEqual(beforeA);
    expect(await branding(b)).toEqual(beforeB);
    expect((await branding(b)).suggestedQuestions).toEqual(['Do you sell gift cards?']);
  });

  it('refuses reads too, so a page never shows B’s data under A’s name', async () => {
    const a = await workspace('Fjord Outdoor', []);
    const b = await workspace('Moonlight Books', []);
    const userId = await adminOfBoth(a, b);
    await expect(pageCaller(userId, b, a).widget.get()).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('does not name a workspace the user is not a member of', async () => {
    const a = await workspace('Fjord Outdoor', []);
    const secret = await workspace('Secret Competitor', []);
    const userId = await newMember(t.db, a, 'admin');
    await expect(pageCaller(userId, a, secret).widget.get()).rejects.toMatchObject({
      code: 'CONFLICT',
      message:
        'This page was loaded for another workspace; you have switched to Fjord Outdoor. Reload to edit Fjord Outdoor.',
    });
  });

  it('goes through when the page was loaded for the selected workspace, or does not say', async () => {
    const a = await workspace('Fjord Outdoor', ['Do you ship to Norway?']);
    const b = await workspace('Moonlight Books', ['Do you sell gift cards?']);
    const userId = await adminOfBoth(a, b);
    const loadedB = await pageCaller(userId, b, b).widget.get();
    const formB = { ...loadedB.branding, greeting: 'Edited in B' };
    await expect(pageCaller(userId, b, b).widget.update({ branding: formB })).resolves.toEqual({
      changed: true,
    });
    expect(await branding(b)).toMatchObject({
      greeting: 'Edited in B',
      suggestedQuestions: ['Do you sell gift cards?'],
    });
    expect((await branding(a)).greeting).toBe('Welcome to Fjord Outdoor');
    await expect(pageCaller(userId, b, null).widget.get()).resolves.toBeTruthy();
  });
});
