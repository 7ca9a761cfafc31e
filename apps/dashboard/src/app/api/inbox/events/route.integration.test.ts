// The inbox's live feed through the route handler Next mounts: who may open it, and that a
// change committed in the workspace arrives as a server-sent event while others' do not.
import { announceTyping } from '@replyline/core';
import { schema, withTenant, type TenantId } from '@replyline/db';
import { describe, expect, it, vi } from 'vitest';
import type { DashboardServer } from '~/server/db';
import { useTestServer } from '~/server/testing';
import { signedInMember, TEST_ORIGIN } from '~/testing/test-server';
import { GET } from './route';

const state = vi.hoisted(() => ({ server: null as DashboardServer | null }));
vi.mock('~/server/db', () => ({ getServer: async () => state.server }));

const t = useTestServer(state);

const workspace = () => signedInMember(t, { name: 'Live inbox' });

function openFeed(cookie?: string, signal?: AbortSignal) {
  const headers = new Headers(cookie ? { cookie } : {});
  return GET(new Request(`${TEST_ORIGIN}/api/inbox/events`, { headers, signal }));
}

function newConversation(tenantId: TenantId) {
  return withTenant(t.db, tenantId, async (tx) => {
    const [row] = await tx
      .insert(schema.conversations)
      .values({ tenantId, visitorId: 'v_live' })
      .returning({ id: schema.conversations.id });
    await tx
      .insert(schema.messages)
      .values({ tenantId, conversationId: row!.id, role: 'visitor', content: 'Hello?' });
    return row!.id;
  });
}

/** Reads the stream until `done` says the text so far is enough. */
async function readUntil(response: Response, done: (text: string) => boolean) {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  while (!done(text)) {
    const { value, done: ended } = await reader.read();
    if (ended) break;
    text += value;
  }
  return text;
}

describe('the inbox event stream', () => {
  it('refuses the signed out, and members of other workspaces', async () => {
    const signedOut = await openFeed();
    expect(signedOut.status).toBe(401);
    expect(await signedOut.json()).toEqual({ message: 'Sign in to follow the inbox.' });

    const mine = await workspace();
    const other = await workspace();
    const cookie = mine.cookie.replace(mine.tenantId, other.tenantId);
    const refused = await openFeed(cookie);
    expect(refused.status).toBe(403);
  });

  it("announces each change in the member's workspace, and only there", async () => {
    const { tenantId, cookie } = await workspace();
    const elsewhere = await workspace();
    const stop = new AbortController();
    const response = await openFeed(cookie, stop.signal);
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');

    const reading = readUntil(response, (text) => text.includes('"kind":"message"'));
    await newConversation(elsewhere.tenantId);
    const conversationId = await newConversation(tenantId);
    const text = await reading;
    stop.abort();
    expect(text).toContain('event: ready');
    expect(text).toContain(
      `event: conversation\ndata: {"conversationId":"${conversationId}","kind":"message"}`,
    );
    expect(text.match(/event: conversation/g)).toHaveLength(1);
  });

  it("passes on the customer's typing in the member's workspace only, never an agent's", async () => {
    const { tenantId, cookie } = await workspace();
    const elsewhere = await workspace();
    const theirs = await newConversation(elsewhere.tenantId);
    const mine = await newConversation(tenantId);
    const stop = new AbortController();
    const response = await openFeed(cookie, stop.signal);
    const reading = readUntil(response, (text) => text.includes('event: typing'));
    // Another workspace's customer typing, and this workspace's agent typing: neither is shown.
    expect(await announceTyping(t.db, elsewhere.tenantId, theirs, 'visitor')).toBe(true);
    expect(await announceTyping(t.db, tenantId, mine, 'agent')).toBe(true);
    // An id of another workspace's conversation sent in this workspace's scope reaches nothing.
    expect(await announceTyping(t.db, tenantId, theirs, 'visitor')).toBe(false);
    expect(await announceTyping(t.db, tenantId, mine, 'visitor')).toBe(true);
    const text = await reading;
    stop.abort();
    expect(text.match(/event: typing\ndata: .*/g)).toEqual([
      `event: typing\ndata: {"conversationId":"${mine}"}`,
    ]);
    expect(text).not.toContain(theirs);
    expect(text).not.toContain('"kind":"typing"');
  });
});
