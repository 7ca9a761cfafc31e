'use client';

import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '~/trpc/react';

/** The workspace's members, for assignee pickers (name or email, and id). */
export function useMembers() {
  const trpc = useTRPC();
  const team = useQuery(trpc.team.list.queryOptions(undefined, { staleTime: 60_000 }));
  return (team.data?.members ?? []).map((m) => ({ id: m.userId, label: m.name || m.email }));
}
