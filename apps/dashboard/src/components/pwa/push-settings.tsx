'use client';

import { useEffect, useState } from 'react';
import { useTRPCClient } from '~/trpc/react';
import './pwa.css';
import {
  browserCanPush,
  currentSubscription,
  deviceLabel,
  subscribeThisDevice,
  subscriptionJson,
} from './device-push';

type State =
  | { kind: 'checking' }
  | { kind: 'unsupported' }
  | { kind: 'ready'; endpoint: string | null; subscribed: boolean; notifyUnassigned: boolean };

/**
 * "Notify me on this device": Web Push for chats and tickets assigned to me and, if wanted,
 * every new unassigned chat. The subscription belongs to this browser and this workspace.
 */
export function PushSettings() {
  const client = useTRPCClient();
  const [state, setState] = useState<State>({ kind: 'checking' });
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!browserCanPush()) return setState({ kind: 'unsupported' });
    void (async () => {
      const subscription = await currentSubscription().catch(() => null);
      if (!subscription)
        return setState({
          kind: 'ready',
          endpoint: null,
          subscribed: false,
          notifyUnassigned: false,
        });
      const status = await client.push.status.query({ endpoint: subscription.endpoint });
      setState({ kind: 'ready', endpoint: subscription.endpoint, ...status });
    })().catch(() =>
      setState({ kind: 'ready', endpoint: null, subscribed: false, notifyUnassigned: false }),
    );
  }, [client]);

  if (state.kind === 'checking') return <p className="muted">Checking this device…</p>;
  if (state.kind === 'unsupported')
    return (
      <p className="muted" data-push-unsupported>
        This browser cannot show notifications from websites. On an iPhone, add Replyline to the
        Home Screen first (Share → Add to Home Screen).
      </p>
    );

  const turnOn = async (notifyUnassigned: boolean) => {
    const permission = await Notification.requestPermission();
    if (permission !== 'granted')
      throw new Error(
        'Notifications are blocked for this site. Allow them in the browser settings.',
      );
    const { publicKey } = await client.push.publicKey.query();
    const subscription = await subscribeThisDevice(publicKey).catch((error: unknown) => {
      throw new Error(
        `The browser's push service refused to subscribe this device (${error instanceof Error ? error.message : String(error)}).`,
      );
    });
    const json = subscriptionJson(subscription);
    await client.push.subscribe.mutate({ ...json, notifyUnassigned, deviceLabel: deviceLabel() });
    setState({ kind: 'ready', endpoint: json.endpoint, subscribed: true, notifyUnassigned });
  };

  const turnOff = async () => {
    if (state.endpoint) await client.push.unsubscribe.mutate({ endpoint: state.endpoint });
    setState({ ...state, subscribed: false });
  };

  const run = (work: () => Promise<void>) => async () => {
    setBusy(true);
    setProblem(null);
    try {
      await work();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : 'That did not work. Try again.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="push-settings" data-push-settings>
      <label className="pwa-check">
        <input
          type="checkbox"
          name="notifyThisDevice"
          checked={state.subscribed}
          disabled={busy}
          onChange={(event) =>
            void run(() => (event.target.checked ? turnOn(state.notifyUnassigned) : turnOff()))()
          }
        />
        Notify me on this device
      </label>
      <p className="muted">When a chat or ticket is assigned to you.</p>
      <label className="pwa-check">
        <input
          type="checkbox"
          name="notifyUnassigned"
          checked={state.notifyUnassigned}
          disabled={busy || !state.subscribed}
          onChange={(event) => void run(() => turnOn(event.target.checked))()}
        />
        Also every new unassigned chat
      </label>
      {problem ? (
        <p className="field__error" role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
