import { Field } from '@replyline/ui/field';
import { HTTP_KIND, responseFieldsText, type ActionKind, type ActionSummary } from './action-input';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

const EXAMPLE_PARAMETERS = JSON.stringify(
  {
    type: 'object',
    properties: { orderId: { type: 'string', description: 'The order number' } },
    required: ['orderId'],
  },
  null,
  2,
);

/**
 * The fields of the action form, for a new action (`action` absent) or an edit. Header values
 * and secret settings are write-only: the form names the saved ones and never shows a value.
 */
export function ActionFields({
  kinds,
  kind,
  onKindChange,
  action,
  errors,
}: {
  kinds: ActionKind[];
  kind: string;
  onKindChange: (kind: string) => void;
  action?: ActionSummary;
  errors: Record<string, string>;
}) {
  const chosen = kinds.find((k) => k.kind === kind);
  const at = (path: string) =>
    errors[path] ?? Object.entries(errors).find(([key]) => key.startsWith(`${path}.`))?.[1];
  return (
    <>
      <Field
        id="action-name"
        label="Name"
        hint="The name the assistant calls it by: lower-case letters, digits and _, e.g. order_status."
        error={at('name')}
      >
        {(control) => (
          <input
            {...control}
            name="name"
            required
            maxLength={48}
            pattern="[a-z][a-z0-9_]*"
            defaultValue={action?.name}
          />
        )}
      </Field>
      <Field
        id="action-description"
        label="Description"
        hint="What it does and when to use it; the assistant reads this."
        error={at('description')}
      >
        {(control) => (
          <textarea
            {...control}
            name="description"
            required
            maxLength={1000}
            rows={2}
            defaultValue={action?.description}
          />
        )}
      </Field>
      <Field id="action-kind" label="Runs on" hint={chosen?.description} error={at('kind')}>
        {(control) => (
          <select
            {...control}
            value={kind}
            disabled={Boolean(action)}
            onChange={(event) => onKindChange(event.target.value)}
          >
            {kinds.map((k) => (
              <option key={k.kind} value={k.kind}>
                {k.kind === HTTP_KIND ? 'Your HTTPS endpoint' : `Built-in: ${k.kind}`}
              </option>
            ))}
          </select>
        )}
      </Field>
      {kind === HTTP_KIND ? (
        <EndpointFields action={action} at={at} />
      ) : (
        <Field
          id="action-settings"
          label="Settings (JSON)"
          hint={
            chosen?.secretSettings.length
              ? `${chosen.secretSettings.join(', ')} ${chosen.secretSettings.length > 1 ? 'are' : 'is'} stored encrypted and never shown again${action ? '; leave them out to keep the saved ones' : ''}.`
              : action
                ? 'Leave empty to keep the saved settings.'
                : undefined
          }
          error={at('settings')}
        >
          {(control) => (
            <textarea
              {...control}
              name="settings"
              rows={4}
              className="code"
              defaultValue={
                action && Object.keys(action.settings).length
                  ? JSON.stringify(action.settings, null, 2)
                  : ''
              }
            />
          )}
        </Field>
      )}
      <fieldset className="action-flags">
        <legend>Safety</legend>
        <label className="checkbox">
          <input
            // A new action starts from its kind's need: an own endpoint or an order lookup
            // asks for a signed-in visitor, booking does not.
            key={action ? action.id : kind}
            type="checkbox"
            name="requiresIdentity"
            defaultChecked={
              action?.requiresIdentity ??
              (!chosen || chosen.kind === HTTP_KIND || chosen.requiresIdentity)
            }
          />{' '}
          Requires a signed-in visitor (anything personal)
        </label>
        <label className="checkbox">
          <input type="checkbox" name="sideEffects" defaultChecked={action?.sideEffects ?? false} />{' '}
          Ask the visitor to confirm first (it changes something)
        </label>
        {chosen && chosen.kind !== HTTP_KIND && (chosen.requiresIdentity || chosen.sideEffects) && (
          <p className="muted">
            This integration always{' '}
            {[
              chosen.requiresIdentity && 'requires a signed-in visitor',
              chosen.sideEffects && 'asks for confirmation',
            ]
              .filter(Boolean)
              .join(' and ')}
            .
          </p>
        )}
        <label className="checkbox">
          <input type="checkbox" name="enabled" defaultChecked={action?.enabled ?? false} />{' '}
          Enabled: the assistant may use it
        </label>
      </fieldset>
    </>
  );
}

function EndpointFields({
  action,
  at,
}: {
  action?: ActionSummary;
  at: (path: string) => string | undefined;
}) {
  const http = action?.http;
  const savedHeaders = http?.headerNames ?? [];
  return (
    <>
      <div className="action-endpoint">
        <Field id="action-method" label="Method" error={at('http.method')}>
          {(control) => (
            <select {...control} name="method" defaultValue={http?.method ?? 'GET'}>
              {METHODS.map((method) => (
                <option key={method}>{method}</option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id="action-url"
          label="URL template"
          hint="HTTPS; each {parameter} is filled in, encoded, e.g. https://shop.example/api/orders/{orderId}. {visitor.email} is the signed-in visitor’s."
          error={at('http.urlTemplate')}
        >
          {(control) => (
            <input
              {...control}
              name="urlTemplate"
              required
              type="text"
              inputMode="url"
              maxLength={2000}
              defaultValue={http?.urlTemplate}
            />
          )}
        </Field>
      </div>
      <Field
        id="action-headers"
        label="Headers"
        hint={
          savedHeaders.length
            ? `Saved: ${savedHeaders.join(', ')} (values hidden). Leave empty to keep them; anything written here replaces them.`
            : 'One per line, “Name: value”. Values are stored encrypted and never shown again.'
        }
        error={at('http.headers')}
      >
        {(control) => (
          <textarea
            {...control}
            name="headers"
            rows={2}
            className="code"
            autoComplete="off"
            placeholder="Authorization: Bearer …"
          />
        )}
      </Field>
      {savedHeaders.length > 0 && (
        <label className="checkbox">
          <input type="checkbox" name="clearHeaders" /> Remove the saved headers
        </label>
      )}
      <Field id="action-timeout" label="Timeout (ms)" error={at('http.timeoutMs')}>
        {(control) => (
          <input
            {...control}
            name="timeoutMs"
            type="number"
            min={500}
            max={15000}
            step={100}
            defaultValue={http?.timeoutMs ?? 5000}
          />
        )}
      </Field>
      <Field
        id="action-response-fields"
        label="Response fields to show"
        hint="One per line, “path = Label”, e.g. order.status = Status. None: the visitor sees “done”."
        error={at('http.responseFields')}
      >
        {(control) => (
          <textarea
            {...control}
            name="responseFields"
            rows={3}
            className="code"
            defaultValue={http ? responseFieldsText(http.responseFields) : ''}
          />
        )}
      </Field>
      <Field
        id="action-parameters"
        label="Parameters (JSON schema)"
        hint="A flat object of string, number, integer or boolean properties (at most 20)."
        error={at('parameters')}
      >
        {(control) => (
          <textarea
            {...control}
            name="parameters"
            rows={8}
            className="code"
            defaultValue={action ? JSON.stringify(action.parameters, null, 2) : EXAMPLE_PARAMETERS}
          />
        )}
      </Field>
    </>
  );
}
