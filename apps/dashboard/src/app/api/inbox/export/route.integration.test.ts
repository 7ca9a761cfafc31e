// Exporting conversations from the inbox through the route handler Next mounts: the session
// cookie says who, the workspace cookie where; the file comes back as a download.
import { createTenant, schema, withTenant, type TenantId } from '@replyline/db';
import { describe, expect, it, vi } from 'vitest';
import type { DashboardServer } from '~/server/db';
import { useTestServer } from '~/server/testing';
import { signedInMember, signedInUser, TEST_ORIGIN } from '~/testing/test-server';
import { PAGE_WORKSPACE_HEADER } from '~/trpc/protocol';
import { POST } from './route';

const state = vi.hoisted(() => ({ server: null as DashboardServer | null }));
vi.mock('~/server/db', () => ({ getServer: async () => state.server }));

const t = useTestServer(state);

async function conversation(
  tenantId: TenantId,
  lines: [role: 'visitor' | 'assistant' | 'note', content: string][],
) {
  return withTenant(t.db, tenantId, async (tx) => {
    const [row] = await tx
      .insert(schema.conversations)
      .values({ tenantId, visitorId: `v_${Math.random()}`, customerEmail: 'ana@example.com' })
      .returning({ id: schema.conversations.id });
    let at = Date.now() - 60_000;
    for (const [role, content] of lines)
      await tx.insert(schema.messages).values({
        tenantId,
        conversationId: row!.id,
        role,
        content,
        createdAt: new Date((at += 1000)),
      });
    return row!.id;
  });
}

function exportRequest(
  body: unknown,
  cookie?: string,
  contentType = 'application/json',
  origin = TEST_ORIGIN,
  pageWorkspaceId?: string,
) {
  const headers = new Headers({
    'content-type': contentType,
    'x-forwarded-for': '203.0.113.9',
    origin,
  });
  if (cookie) headers.set('cookie', cookie);
  if (pageWorkspaceId) headers.set(PAGE_WORKSPACE_HEADER, pageWorkspaceId);
  return POST(
    new Request(`${TEST_ORIGIN}/api/inbox/export`, {
      method: 'POST',
      headers,
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
}

describe('POST /api/inbox/export', () => {
  it('downloads one conversation as CSV, without internal notes, and audits it', async () => {
    const { tenantId, cookie } = await signedInMember(t);
    const id = await conversation(tenantId, [
      ['visitor', 'Do you move pianos?'],
      ['assistant', 'Yes, from 199 EUR.'],
      ['note', 'Internal: VIP'],
    ]);

    const response = await exportRequest({ format: 'csv', ids: [id] }, cookie);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      new RegExp(`^attachment; filename="conversation-${id}-\\d{4}-\\d{2}-\\d{2}\\.csv"`),
    );
    expect(response.headers.get('cache-control')).toBe('no-store');
    const csv = await response.text();
    expect(csv).toContain('"Do you move pianos?"');
    expect(csv).toContain('"Yes, from 199 EUR."');
    expect(csv).not.toContain('VIP');

    // withTenant scopes the read to this workspace (row-level security).
    const audit = await withTenant(t.db, tenantId, (tx) =>
      tx
        .select({ action: schema.auditLog.action, ip: schema.auditLog.ipAddress })
        .from(schema.auditLog),
    );
    expect(audit).toEqual([{ action: 'conversations.exported', ip: '203.0.113.9' }]);
  });

  it('downloads many as JSON, each with its messages', async () => {
    const { tenantId, cookie } = await signedInMember(t);
    const a = await conversation(tenantId, [['visitor', 'First']]);
    const b = await conversation(tenantId, [['visitor', 'Second']]);

    const response = await exportRequest({ format: 'json', ids: [a, b] }, cookie);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    const data = (await response.json()) as {
      conversations: { id: string; messages: { content: string }[] }[];
    };
    expect(data.conversations.map((c) => c.id).sort()).toEqual([a, b].sort());
    expect(data.conversations.flatMap((c) => c.messages.map((m) => m.content)).sort()).toEqual([
      'First',
      'Second',
    ]);
  });

  it('exports everything a filter matches when no conversation is ticked', async () => {
    const { tenantId, cookie } = await signedInMember(t);
    await conversation(tenantId, [['visitor', 'One']]);
    await conversation(tenantId, [['visitor', 'Two']]);

    const response = await exportRequest({ format: 'json', filter: { status: 'open' } }, cookie);
    const data = (await response.json()) as { conversations: unknown[] };
    expect(data.conversations).toHaveLength(2);
    expect(response.headers.get('content-disposition')).toMatch(/filename="conversations-/);
  });

  it("never exports another workspace's conversations", async () => {
    const mine = await signedInMember(t, { name: 'Mine' });
    const theirs = await signedInMember(t, { name: 'Theirs' });
    const foreign = await conversation(theirs.tenantId, [['visitor', 'Secret question']]);

    const response = await exportRequest({ format: 'json', ids: [foreign] }, mine.cookie);
    const data = (await response.json()) as { conversations: unknown[] };
    expect(data.conversations).toEqual([]);
  });

  it('refuses an export from a page still showing the workspace switched away from (409)', async () => {
    const user = await signedInUser(t);
    const [shown, selected] = await Promise.all(
      ['Shown', 'Selected'].map(async (name) => {
        const { tenantId } = await createTenant(t.db, {
          name,
          slug: `ws-${Math.random().toString(36).slice(2, 10)}`,
        });
        await withTenant(t.db, tenantId, (tx) =>
          tx.insert(schema.memberships).values({ tenantId, userId: user.userId, role: 'agent' }),
        );
        return tenantId;
      }),
    );
    await conversation(selected!, [['visitor', 'A question in the selected workspace']]);
    // The page was rendered for `shown`; the cookie has since selected `selected`.
    const response = await exportRequest(
      { format: 'json', ids: [crypto.randomUUID()] },
      `${user.cookie}; rl_workspace=${selected}`,
      'application/json',
      TEST_ORIGIN,
      shown,
    );
    expect(response.status).toBe(409);
    expect(((await response.json()) as { message: string }).message).toMatch(/Reload to edit/);
  });

  it('refuses the signed-out, non-JSON bodies and bad input with a readable message', async () => {
    const { cookie } = await signedInMember(t);
    const signedOut = await exportRequest({ format: 'csv', ids: [crypto.randomUUID()] });
    expect(signedOut.status).toBe(401);

    const form = await exportRequest('format=csv', cookie, 'application/x-www-form-urlencoded');
    expect(form.status).toBe(415);
    const elsewhere = await exportRequest(
      { format: 'csv', ids: [crypto.randomUUID()] },
      cookie,
      'application/json',
      'https://evil.example',
    );
    expect(elsewhere.status).toBe(403);
    expect(await elsewhere.json()).toEqual({
      message:
        "Changes are accepted from the dashboard's own pages only, not from https://evil.example.",
    });

    const nothingChosen = await exportRequest({ format: 'csv' }, cookie);
    expect(nothingChosen.status).toBe(400);
    expect(await nothingChosen.json()).toEqual({
      message: 'Choose conversations to export, or a filter.',
    });
  });
});
