// Every dashboard procedure, found by walking the router: each one that needs a workspace
// refuses a member of another workspace, a member below its role and a signed-out caller.
// A new procedure is covered the day it is added; one without a role must be listed below.
import type { TenantId } from '@replyline/db';
import { openTestDatabase, type TestDatabase } from '@replyline/db/testing';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleMeets } from '@replyline/core';
import { appRouter } from './root';
import { callerFor, newMember, newWorkspace } from './testing';
import type { MemberRole, ProcedureMeta } from './trpc';

/** Procedures a signed-in user may call before choosing a workspace. */
const WITHOUT_WORKSPACE = new Set(['workspace.list', 'workspace.create', 'team.accept']);
const ROLES: MemberRole[] = ['agent', 'admin', 'owner'];

let t: TestDatabase;
let home: TenantId;
let members: Record<MemberRole, string>;
let outsider: string;

const procedures = Object.entries(
  appRouter._def.procedures as unknown as Record<string, { _def: { meta?: ProcedureMeta } }>,
);

function call(caller: ReturnType<typeof callerFor>, path: string): Promise<unknown> {
  const fn = path
    .split('.')
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
  return (fn as (input?: unknown) => Promise<unknown>)(undefined);
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'allowed';
  } catch (error) {
    return error instanceof TRPCError ? error.code : `unexpected ${String(error)}`;
  }
}

beforeAll(async () => {
  t = await openTestDatabase();
  home = (await newWorkspace(t.db, 'Home')).tenantId;
  const elsewhere = (await newWorkspace(t.db, 'Elsewhere')).tenantId;
  members = {
    agent: await newMember(t.db, home, 'agent'),
    admin: await newMember(t.db, home, 'admin'),
    owner: await newMember(t.db, home, 'owner'),
  };
  outsider = await newMember(t.db, elsewhere, 'owner');
}, 60_000);
afterAll(async () => t?.close());

describe('dashboard access', () => {
  it('every procedure declares the role it needs, or is listed as workspace-free', () => {
    const undeclared = procedures
      .filter(([path, p]) => !p._def.meta?.role && !WITHOUT_WORKSPACE.has(path))
      .map(([path]) => path);
    expect(undeclared).toEqual([]);
  });

  it.each(procedures.map(([path]) => path))('%s refuses signed-out callers', async (path) => {
    expect(await refusal(call(callerFor(t.db, null, home), path))).toBe('UNAUTHORIZED');
  });

  it.each(
    procedures
      .filter(([, p]) => p._def.meta?.role)
      .map(([path, p]) => [path, p._def.meta!.role!] as const),
  )(
    '%s (%s) refuses an owner of another workspace and every role below it',
    async (path, needed) => {
      expect(await refusal(call(callerFor(t.db, outsider, home), path))).toBe('FORBIDDEN');
      for (const role of ROLES.filter((r) => !roleMeets(r, needed)))
        expect(await refusal(call(callerFor(t.db, members[role], home), path)), role).toBe(
          'FORBIDDEN',
        );
    },
  );
});

describe('workspaces', () => {
  it('creates a workspace owned by its creator, listed among theirs', async () => {
    const caller = callerFor(t.db, members.agent, null);
    const { tenantId } = await caller.workspace.create({
      name: 'Fjord Outdoor',
      siteUrl: 'https://fjord.example/shop',
    });
    const list = await caller.workspace.list();
    expect(list).toEqual(
      expect.arrayContaining([
        { id: tenantId, name: 'Fjord Outdoor', role: 'owner' },
        { id: home, name: 'Home', role: 'agent' },
      ]),
    );
    const current = await callerFor(t.db, members.agent, tenantId as TenantId).workspace.current();
    expect(current).toMatchObject({ name: 'Fjord Outdoor', role: 'owner', plan: 'free' });
  });

  it('explains a role refusal in words', async () => {
    await expect(callerFor(t.db, members.agent, home).workspace.current()).resolves.toMatchObject({
      role: 'agent',
    });
    const asAgent = callerFor(t.db, members.agent, home);
    await expect(asAgent.team.invite({ email: 'new@example.com', role: 'agent' })).rejects.toThrow(
      'This needs the admin role; you are an agent.',
    );
    await expect(callerFor(t.db, outsider, home).workspace.current()).rejects.toThrow(
      'You are not a member of this workspace.',
    );
    await expect(callerFor(t.db, members.agent, null).workspace.current()).rejects.toThrow(
      'Choose a workspace first.',
    );
  });
});
