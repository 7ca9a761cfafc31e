// Downloading a file a customer attached to an email reply, through the route handler Next
// mounts: always as an attachment with nosniff; another workspace's file is not there (404).
import { createTicket } from '@replyline/core/tickets';
import { schema, withTenant, type TenantId } from '@replyline/db';
import { describe, expect, it, vi } from 'vitest';
import type { DashboardServer } from '~/server/db';
import { useTestServer } from '~/server/testing';
import { signedInMember, TEST_ORIGIN } from '~/testing/test-server';
import { GET } from './route';

const state = vi.hoisted(() => ({ server: null as DashboardServer | null }));
vi.mock('~/server/db', () => ({ getServer: async () => state.server }));

const t = useTestServer(state);

async function workspaceWithTicket(name?: string) {
  const member = await signedInMember(t, { name });
  const { ticketId } = await createTicket(t.db, member.tenantId, member.userId, {
    subject: 'Damaged sofa',
    customerEmail: 'ann@example.com',
    message: 'The sofa arrived scratched.',
  });
  return { ...member, ticketId };
}

async function storedFile(tenantId: TenantId, ticketId: string, filename: string, text: string) {
  const [row] = await withTenant(t.db, tenantId, (tx) =>
    tx
      .insert(schema.ticketAttachments)
      .values({
        tenantId,
        ticketId,
        filename,
        contentType: 'text/plain',
        sizeBytes: Buffer.byteLength(text),
        bytes: Buffer.from(text),
      })
      .returning({ id: schema.ticketAttachments.id }),
  );
  return row!.id;
}

function download(ticketId: string, attachmentId: string, cookie?: string) {
  const headers = new Headers();
  if (cookie) headers.set('cookie', cookie);
  return GET(
    new Request(`${TEST_ORIGIN}/api/tickets/${ticketId}/attachments/${attachmentId}`, { headers }),
    { params: Promise.resolve({ ticketId, attachmentId }) },
  );
}

describe('GET /api/tickets/:id/attachments/:attachmentId', () => {
  it('serves the file as a download that no browser sniffs or shows in place', async () => {
    const { tenantId, ticketId, cookie } = await workspaceWithTicket();
    const id = await storedFile(tenantId, ticketId, 'Skador på soffan.txt', '<script>x</script>');
    const response = await download(ticketId, id, cookie);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="Skador p_ soffan.txt"; filename*=UTF-8''${encodeURIComponent('Skador på soffan.txt')}`,
    );
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain('sandbox');
    expect(await response.text()).toBe('<script>x</script>');
  });

  it('refuses the signed out, another workspace, another ticket, and ids that are no file', async () => {
    const mine = await workspaceWithTicket();
    const id = await storedFile(mine.tenantId, mine.ticketId, 'secret.txt', 'Ours only.');
    const other = await workspaceWithTicket('Other Movers');

    expect((await download(mine.ticketId, id)).status).toBe(401);
    // Another workspace: its own ticket with our file's id, or our ticket's id: not there.
    const foreign = await download(other.ticketId, id, other.cookie);
    expect(foreign.status).toBe(404);
    expect(await foreign.text()).not.toContain('Ours only');
    expect((await download(mine.ticketId, id, other.cookie)).status).toBe(404);
    // Their workspace cookie swapped for ours: not a member there.
    expect(
      (await download(mine.ticketId, id, other.cookie.replace(other.tenantId, mine.tenantId)))
        .status,
    ).toBe(403);
    expect((await download(mine.ticketId, 'not-a-uuid', mine.cookie)).status).toBe(404);
  });
});
