'use client';

import { signOut } from '~/app/actions';
import { useTRPCClient } from '~/trpc/react';
import { browserCanPush, currentSubscription } from './device-push';
import { atMost, forgetOfflinePages } from './offline-pages';

/**
 * Signing out also leaves this device: its kept pages are deleted and its push subscription
 * ends (here and at the browser's push service), so a signed-out phone shows no customer's
 * words. Each step gets a few seconds at most; the sign-out itself always happens.
 */
export function SignOutButton() {
  const client = useTRPCClient();
  const leaveDevice = async () => {
    await atMost(2_000, forgetOfflinePages());
    if (!browserCanPush()) return;
    const subscription = await atMost(2_000, currentSubscription());
    if (!subscription) return;
    await atMost(3_000, client.push.unsubscribe.mutate({ endpoint: subscription.endpoint }));
    await atMost(2_000, subscription.unsubscribe());
  };
  return (
    <form
      action={async () => {
        await leaveDevice();
        await signOut();
      }}
    >
      <button type="submit" className="button button--quiet">
        Sign out
      </button>
    </form>
  );
}
