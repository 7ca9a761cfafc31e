'use client';

import { Field } from '@replyline/ui/field';
import { SubmitRow } from '@replyline/ui/submit-row';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTRPC } from '~/trpc/react';
import { formErrors } from '../widget/form-errors';
import { assignableRoles, ROLE_DESCRIPTION, ROLE_LABEL, type Role } from './team-permissions';

/** Emails an invitation link; the person joins with the role chosen here. */
export function InviteForm({ actorRole }: { actorRole: Role }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const invite = useMutation(trpc.team.invite.mutationOptions());
  const [done, setDone] = useState<string | null>(null);
  const errors = formErrors(invite.error);
  const roles = assignableRoles(actorRole);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setDone(null);
    const sent = await invite
      .mutateAsync({
        email: String(data.get('email') ?? '').trim(),
        role: String(data.get('role') ?? 'agent') as Role,
      })
      .catch(() => null);
    if (!sent) return;
    form.reset();
    setDone(`Invitation sent to ${sent.email}. The link works for 7 days.`);
    await queryClient.invalidateQueries(trpc.team.list.pathFilter());
  }

  const roleHint = roles.map((role) => `${ROLE_LABEL[role]}: ${ROLE_DESCRIPTION[role]}`).join(' ');
  return (
    <form
      className="form form--compact invite-form"
      onSubmit={onSubmit}
      aria-label="Invite someone"
    >
      <div className="form-grid">
        <Field id="invite-email" label="Email" error={errors.fields.email}>
          {(control) => (
            <input
              {...control}
              name="email"
              type="email"
              inputMode="email"
              autoComplete="off"
              required
              maxLength={320}
              placeholder="kari@company.com"
            />
          )}
        </Field>
        <Field id="invite-role" label="Role" hint={roleHint} error={errors.fields.role}>
          {(control) => (
            <select {...control} name="role" defaultValue="agent">
              {roles.map((role) => (
                <option key={role} value={role}>
                  {ROLE_LABEL[role]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <SubmitRow
        label="Send invitation"
        pendingLabel="Sending…"
        pending={invite.isPending}
        error={errors.message}
        done={done}
      />
    </form>
  );
}
