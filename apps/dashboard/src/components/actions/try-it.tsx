'use client';

import { Field } from '@replyline/ui/field';
import { Panel } from '@replyline/ui/panel';
import { SubmitRow } from '@replyline/ui/submit-row';
import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTRPC } from '~/trpc/react';
import type { ActionSummary } from './action-input';
import { ResultCard } from './result-card';

/** The form's text as the parameter's declared type; empty optional ones are left out. */
function paramsOf(form: FormData, parameters: ActionSummary['parameters']) {
  const params: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(parameters.properties ?? {})) {
    if (property.type === 'boolean') {
      params[name] = form.get(`param-${name}`) === 'on';
      continue;
    }
    const value = String(form.get(`param-${name}`) ?? '').trim();
    if (value === '') continue;
    params[name] =
      property.type === 'number' || property.type === 'integer' ? Number(value) : value;
  }
  return params;
}

/**
 * "Try it": runs the action for real, as a signed-in visitor would (with the e-mail given),
 * and shows the card the visitor would get. An action with side effects shows its
 * confirmation card: trying it never books or changes anything.
 */
export function TryIt({ action, onClose }: { action: ActionSummary; onClose: () => void }) {
  const trpc = useTRPC();
  const run = useMutation(trpc.actions.tryIt.mutationOptions());
  const properties = Object.entries(action.parameters.properties ?? {});
  const required = new Set(action.parameters.required ?? []);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('visitorEmail') ?? '').trim();
    run.mutate({
      id: action.id,
      params: paramsOf(form, action.parameters),
      ...(email ? { visitorEmail: email } : {}),
    });
  }

  return (
    <Panel id="try-action" title={`Try ${action.name}`}>
      {!action.enabled && (
        <p className="muted">This action is off: visitors cannot use it until you enable it.</p>
      )}
      <form className="form form--compact" onSubmit={onSubmit} aria-label={`Try ${action.name}`}>
        {properties.map(([name, property]) => (
          <Field key={name} id={`try-${name}`} label={name} hint={property.description}>
            {(control) =>
              property.type === 'boolean' ? (
                <input {...control} type="checkbox" name={`param-${name}`} />
              ) : property.enum ? (
                <select {...control} name={`param-${name}`} required={required.has(name)}>
                  {property.enum.map((option) => (
                    <option key={option}>{option}</option>
                  ))}
                </select>
              ) : (
                <input
                  {...control}
                  name={`param-${name}`}
                  type={property.type === 'string' ? 'text' : 'number'}
                  required={required.has(name)}
                />
              )
            }
          </Field>
        ))}
        <Field
          id="try-visitor-email"
          label="As the visitor with e-mail"
          hint="Optional: the signed-in visitor the action runs for ({visitor.email})."
        >
          {(control) => <input {...control} name="visitorEmail" type="email" />}
        </Field>
        <SubmitRow
          label="Run"
          pendingLabel="Running…"
          pending={run.isPending}
          error={run.error?.message ?? null}
          onCancel={onClose}
        />
      </form>
      {run.data && (
        <section aria-label="Result" className="action-try-result">
          <p className="muted">{run.data.ok ? 'The visitor would see:' : 'Refused or failed:'}</p>
          <ResultCard card={run.data.card} ok={run.data.ok} />
        </section>
      )}
    </Panel>
  );
}
