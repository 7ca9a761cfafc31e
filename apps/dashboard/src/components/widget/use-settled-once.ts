import { useState } from 'react';

/**
 * Whether a query's data may seed a form yet: once it is known current. Cached data gone stale
 * (read before a save elsewhere, e.g. in the onboarding wizard) is fetched again when the page
 * mounts, and a form started from the old copy would keep it in its state and save it back.
 * After the first settle it stays true, so a later refetch (window focus) never unmounts a
 * form someone is editing.
 */
export function useSettledOnce(query: {
  isSuccess: boolean;
  isStale: boolean;
  isFetching: boolean;
}): boolean {
  const [settled, setSettled] = useState(false);
  const current = query.isSuccess && !(query.isStale && query.isFetching);
  // Adjusting state while rendering (React's pattern for "remember that this happened").
  if (current && !settled) setSettled(true);
  return settled || current;
}
