// The contract the editor's field errors rest on: a refused widget.update, as the dashboard's
// tRPC route answers it, names each bad field by its path.
import { createTenant, schema, withTenant } from '@replyline/db';
import { TRPCClientError } from '@trpc/client';
import { expect, it, vi } from 'vitest';
import { POST } from '~/app/api/trpc/[trpc]/route';
import type { DashboardServer } from '~/server/db';
import { useTestServer } from '~/server/testing';
import { signedInUser, TEST_ORIGIN } from '~/testing/test-server';
import { formErrors } from './form-errors';

const state = vi.hoisted(() => ({ server: null as DashboardServer | null }));
vi.mock('~/server/db', () => ({ getServer: async () => state.server }));

const t = useTestServer(state);

it('maps a refused widget.update to the fields that caused it', async () => {
  const { tenantId } = await createTenant(t.db, { name: 'Northwind', slug: `nw-${Date.now()}` });
  const admin = await signedInUser(t);
  await withTenant(t.db, tenantId, (tx) =>
    tx.insert(schema.memberships).values({ tenantId, userId: admin.userId, role: 'admin' }),
  );

  const response = await POST(
    new Request(`${TEST_ORIGIN}/api/trpc/widget.update`, {
      method: 'POST',
      headers: {
        cookie: `${admin.cookie}; rl_workspace=${tenantId}`,
        'content-type': 'application/json',
        // The dashboard's own page: mutations from any other origin are refused (403).
        origin: TEST_ORIGIN,
      },
      body: JSON.stringify({
        allowedOrigins: ['https://shop.example', '*.shop.example'],
        persona: { assistantName: '', tone: 'friendly', refusedTopics: [] },
      }),
    }),
  );
  expect(response.status).toBe(400);

  const errors = formErrors(TRPCClientError.from(await response.json()));
  expect(errors.fields).toEqual({
    'allowedOrigins.1':
      '"*.shop.example": wildcards are not accepted; list each website, write it like https://shop.example',
    'persona.assistantName': "the assistant's name cannot be empty",
  });
});
