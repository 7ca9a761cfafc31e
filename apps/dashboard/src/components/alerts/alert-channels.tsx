'use client';

import { Field } from '@replyline/ui/field';
import { FormStatus } from '@replyline/ui/form-status';
import { Panel } from '@replyline/ui/panel';
import { SubmitRow } from '@replyline/ui/submit-row';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTRPC } from '~/trpc/react';
import './alerts.css';
import { formErrors } from '../widget/form-errors';
import { CHANNEL_KINDS, ChannelFields, channelConfigOf, type ChannelKind } from './channel-fields';

/** Event names and their labels, handed down from the server (the domain's one list). */
export type EventLabels = Record<string, string>;

/** Alert channels: a form to add one, the list with test and remove, failing ones called out. */
export function AlertChannels({ eventLabels }: { eventLabels: EventLabels }) {
  const trpc = useTRPC();
  const channels = useQuery(trpc.alerts.list.queryOptions());
  if (channels.isPending) return <p className="muted">Loading…</p>;
  if (channels.isError) return <FormStatus error={channels.error.message} />;
  const failing = channels.data.filter((channel) => channel.status === 'failing');
  return (
    <>
      {failing.length > 0 && (
        <div className="alert" role="alert">
          <p>
            Alerts are not getting through to {failing.map((c) => `“${c.name}”`).join(', ')}. Check
            the settings and send a test message; one that arrives marks the channel as working.
          </p>
        </div>
      )}
      <NewChannel eventLabels={eventLabels} />
      <Panel id="channels" title="Channels" description="Where alerts go, and for which events.">
        {channels.data.length === 0 ? (
          <p className="muted">No alert channels yet.</p>
        ) : (
          <ul className="alert-channels">
            {channels.data.map((channel) => (
              <ChannelRow key={channel.id} channel={channel} eventLabels={eventLabels} />
            ))}
          </ul>
        )}
      </Panel>
    </>
  );
}

function NewChannel({ eventLabels }: { eventLabels: EventLabels }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const create = useMutation(
    trpc.alerts.create.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.alerts.list.queryFilter()),
    }),
  );
  const [kind, setKind] = useState<ChannelKind>('telegram');
  const [secret, setSecret] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const errors = formErrors(create.error);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(null);
    setSecret(null);
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const made = await create
      .mutateAsync({
        name: String(form.get('name') ?? ''),
        events: form.getAll('events').map(String) as never,
        replyOverdueMinutes: Number(form.get('replyOverdueMinutes') ?? 15),
        config: channelConfigOf(kind, form) as never,
      })
      .catch(() => null);
    if (!made) return;
    setSecret(made.signingSecret);
    setDone(`Added “${made.channel.name}”. Send a test message to check it.`);
    formElement.reset();
  }

  return (
    <Panel id="new-channel" title="New alert channel">
      <form className="form form--compact" onSubmit={onSubmit} aria-label="New alert channel">
        <Field id="alert-kind" label="Channel">
          {(control) => (
            <select
              {...control}
              value={kind}
              onChange={(event) => setKind(event.target.value as ChannelKind)}
            >
              {Object.entries(CHANNEL_KINDS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="alert-name" label="Name" hint="E.g. “Support group”." error={errors.fields.name}>
          {(control) => <input {...control} name="name" required maxLength={80} />}
        </Field>
        <ChannelFields kind={kind} errors={errors.fields} />
        <fieldset className="alert-events">
          <legend>Alert me about</legend>
          {Object.entries(eventLabels).map(([event, label]) => (
            <label key={event} className="checkbox">
              <input
                type="checkbox"
                name="events"
                value={event}
                defaultChecked={event === 'ticket.created'}
              />{' '}
              {label}
            </label>
          ))}
          {errors.fields.events && <p className="field__error">{errors.fields.events}</p>}
        </fieldset>
        <Field
          id="alert-overdue"
          label="“No agent reply” after (minutes)"
          error={errors.fields.replyOverdueMinutes}
        >
          {(control) => (
            <input
              {...control}
              name="replyOverdueMinutes"
              type="number"
              min={1}
              max={1440}
              defaultValue={15}
            />
          )}
        </Field>
        {secret && (
          <div className="notice" role="status">
            <p>Signing secret (shown only now; each post carries a signature made with it):</p>
            <code className="secret">{secret}</code>
          </div>
        )}
        <SubmitRow
          label="Add channel"
          pendingLabel="Adding…"
          pending={create.isPending}
          error={errors.message}
          done={done}
        />
      </form>
    </Panel>
  );
}

interface ChannelSummary {
  id: string;
  kind: string;
  name: string;
  targetHint: string;
  events: string[];
  status: 'active' | 'failing';
  lastError: string | null;
}

function ChannelRow({
  channel,
  eventLabels,
}: {
  channel: ChannelSummary;
  eventLabels: EventLabels;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries(trpc.alerts.list.queryFilter());
  const test = useMutation(trpc.alerts.sendTest.mutationOptions({ onSettled: refresh }));
  const remove = useMutation(trpc.alerts.remove.mutationOptions({ onSuccess: refresh }));
  const events = channel.events.map((event) => eventLabels[event] ?? event).join(', ');

  async function onRemove() {
    if (!window.confirm(`Remove “${channel.name}”? Its alerts stop at once.`)) return;
    await remove.mutateAsync({ channelId: channel.id }).catch(() => null);
  }

  return (
    <li className="alert-channel" data-status={channel.status}>
      <p>
        <strong>{channel.name}</strong> · {CHANNEL_KINDS[channel.kind as ChannelKind]} ·{' '}
        {channel.targetHint}
        {channel.status === 'failing' && <span className="alert-channel__failing">Failing</span>}
      </p>
      <p className="muted">{events}</p>
      {channel.status === 'failing' && channel.lastError && (
        <p className="muted">Last answer: {channel.lastError}</p>
      )}
      <div className="actions">
        <button
          type="button"
          className="button button--quiet"
          disabled={test.isPending}
          onClick={() => test.mutate({ channelId: channel.id })}
        >
          {test.isPending ? 'Sending…' : 'Send test message'}
        </button>
        <button
          type="button"
          className="button button--quiet button--danger"
          disabled={remove.isPending}
          onClick={() => void onRemove()}
        >
          Remove
        </button>
      </div>
      {test.isSuccess && <p role="status">Test message sent.</p>}
      {test.isError && <FormStatus error={test.error.message} />}
    </li>
  );
}
