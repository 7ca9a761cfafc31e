'use client';

import { describedBy, Field } from '@replyline/ui/field';
import { FieldNotes } from '@replyline/ui/field-notes';
import { listErrors, StringListEditor } from '@replyline/ui/string-list-editor';
import { SubmitRow } from '@replyline/ui/submit-row';
import Link from 'next/link';
import { useEffect, useState, type FormEvent } from 'react';
import { errorAt } from './form-errors';
import { useSaveWidget, type WidgetSectionProps } from './use-save-widget';
import {
  brandingForm,
  brandingInput,
  colorInputValue,
  LIMITS,
  type BrandingForm as TBrandingForm,
  type CustomerGreetingsForm,
} from './widget-settings';

type PaidKey = 'primaryColor' | 'accentColor' | 'logoUrl' | 'avatarUrl';

/** Colours, images, greeting, launcher, position and suggested questions. */
export function BrandingForm({ settings, canEdit, onSaved, onDraft }: WidgetSectionProps) {
  const [form, setForm] = useState<TBrandingForm>(() => brandingForm(settings.branding));
  useEffect(() => onDraft?.({ branding: form }), [form, onDraft]);
  const { save, pending, errors, done, clearErrors } = useSaveWidget(onSaved);
  const set = <K extends keyof TBrandingForm>(key: K, value: TBrandingForm[K]) =>
    setForm((current) => ({ ...current, [key]: value }));
  const err = (field: keyof TBrandingForm) => errorAt(errors, `branding.${field}`);
  // Colours and images are a paid feature; the rest of the branding is for everyone.
  const paidLocked = !settings.customBrandingAllowed;
  const paidHint = paidLocked ? (
    <>
      Your own colours, logo and avatar are a paid feature: they come with the Pro plan.{' '}
      <Link href="/billing">Upgrade to Pro</Link>
    </>
  ) : undefined;
  /** The props of a paid text setting's field: colours and image addresses. */
  const paid = (key: PaidKey, label: string) => ({
    id: `branding-${key}`,
    label,
    value: form[key],
    onChange: (value: string) => set(key, value),
    error: err(key),
    disabled: paidLocked,
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void save({ branding: brandingInput(form) });
  }

  return (
    <form className="form form--compact" onSubmit={onSubmit} aria-label="Branding">
      <fieldset className="form-section" disabled={!canEdit}>
        <legend>Look</legend>
        {paidHint && (
          <p id="branding-paid-hint" className="hint">
            {paidHint}
          </p>
        )}
        <div className="form-grid">
          <ColorField {...paid('primaryColor', 'Main colour')} required />
          <ColorField {...paid('accentColor', 'Accent colour (optional)')} />
          <UrlField {...paid('logoUrl', 'Logo URL')} />
          <UrlField {...paid('avatarUrl', 'Assistant avatar URL')} />
        </div>
      </fieldset>

      <fieldset className="form-section" disabled={!canEdit}>
        <legend>Words and place</legend>
        <Field
          id="branding-greeting"
          label="Greeting"
          hint="The first message visitors see."
          error={err('greeting')}
        >
          {(control) => (
            <textarea
              {...control}
              rows={2}
              required
              maxLength={LIMITS.greeting}
              value={form.greeting}
              onChange={(event) => set('greeting', event.target.value)}
            />
          )}
        </Field>
        <Field
          id="branding-launcherText"
          label="Launcher text (optional)"
          hint="Shown beside the chat button, e.g. “Questions?”."
          error={err('launcherText')}
        >
          {(control) => (
            <input
              {...control}
              maxLength={LIMITS.launcherText}
              value={form.launcherText}
              onChange={(event) => set('launcherText', event.target.value)}
            />
          )}
        </Field>
        <fieldset className="radio-group">
          <legend>Position on the page</legend>
          {(
            [
              ['bottom-right', 'Bottom right'],
              ['bottom-left', 'Bottom left'],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="radio">
              <input
                type="radio"
                name="position"
                value={value}
                checked={form.position === value}
                onChange={() => set('position', value)}
              />
              {label}
            </label>
          ))}
        </fieldset>
        <StringListEditor
          id="branding-suggestedQuestions"
          legend="Suggested questions"
          itemLabel="Suggested question"
          values={form.suggestedQuestions}
          onChange={(values) => set('suggestedQuestions', values)}
          onRemove={clearErrors}
          max={LIMITS.suggestedQuestions}
          maxLength={LIMITS.suggestedQuestion}
          placeholder="How much does a move cost?"
          hint={`Buttons under the greeting that ask for the visitor; up to ${LIMITS.suggestedQuestions}.`}
          {...listErrors(
            errors.fields,
            'branding.suggestedQuestions',
            form.suggestedQuestions.length,
          )}
        />
      </fieldset>

      <CustomerGreetings
        disabled={!canEdit}
        value={form.customerGreetings}
        onChange={(value) => set('customerGreetings', value)}
        error={(field) => errorAt(errors, `branding.customerGreetings.${field}`)}
      />
      {canEdit && (
        <SubmitRow label="Save branding" pending={pending} error={errors.message} done={done} />
      )}
    </form>
  );
}

const CUSTOMER_TYPES = [
  ['new', 'New customers', 'Signed in, no orders yet.'],
  ['returning', 'Returning customers', 'At least one order, fewer than the VIP count.'],
  ['vip', 'VIP customers', 'At least the VIP count of orders.'],
] as const;

/**
 * Greetings for customers your website signs in (identity token, WordPress plugin), by the
 * orders their token signs. The API picks one when the chat starts.
 */
function CustomerGreetings(props: {
  disabled: boolean;
  value: CustomerGreetingsForm;
  onChange: (value: CustomerGreetingsForm) => void;
  error: (field: keyof CustomerGreetingsForm) => string | undefined;
}) {
  const set = <K extends keyof CustomerGreetingsForm>(key: K, next: CustomerGreetingsForm[K]) =>
    props.onChange({ ...props.value, [key]: next });
  const [minOrders, maxOrders] = LIMITS.vipMinOrders;
  return (
    <fieldset className="form-section" disabled={props.disabled}>
      <legend>Greetings for signed-in customers</legend>
      <p className="hint">
        For customers your website signs in with an identity token (the WordPress plugin does it for
        you). Their type comes from the orders the token lists; an empty greeting keeps the one
        above.
      </p>
      {CUSTOMER_TYPES.map(([type, label, hint]) => (
        <Field
          key={type}
          id={`branding-greeting-${type}`}
          label={`${label} (optional)`}
          hint={hint}
          error={props.error(type)}
        >
          {(control) => (
            <textarea
              {...control}
              rows={2}
              maxLength={LIMITS.greeting}
              value={props.value[type]}
              onChange={(event) => set(type, event.target.value)}
            />
          )}
        </Field>
      ))}
      <Field
        id="branding-vipMinOrders"
        label="VIP from this many orders"
        hint={`${minOrders} to ${maxOrders}.`}
        error={props.error('vipMinOrders')}
      >
        {(control) => (
          <input
            {...control}
            type="number"
            min={minOrders}
            max={maxOrders}
            step={1}
            value={props.value.vipMinOrders}
            onChange={(event) => set('vipMinOrders', event.target.valueAsNumber)}
          />
        )}
      </Field>
    </fieldset>
  );
}

function ColorField(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  disabled: boolean;
  required?: boolean;
}) {
  const { id, error } = props;
  if (props.disabled && !props.required && !props.value) return null;
  if (props.disabled) return <LockedColor id={id} label={props.label} value={props.value} />;
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <div className="color-field">
        <input
          type="color"
          aria-label={`${props.label}: colour picker`}
          value={colorInputValue(props.value)}
          onChange={(event) => props.onChange(event.target.value)}
          disabled={props.disabled}
        />
        <input
          {...describedBy(id, { hint: 'hex', error })}
          value={props.value}
          onChange={(event) => props.onChange(event.target.value)}
          placeholder="#4f46e5"
          pattern="#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})"
          maxLength={7}
          required={props.required}
          disabled={props.disabled}
          spellCheck={false}
        />
        {!props.required && props.value && !props.disabled && (
          <button
            type="button"
            className="button button--quiet button--small"
            onClick={() => props.onChange('')}
            aria-label={`Clear ${props.label.toLowerCase()}`}
          >
            Clear
          </button>
        )}
      </div>
      <FieldNotes id={id} hint="A hex colour like #0f766e." error={error} />
    </div>
  );
}

/**
 * A colour the plan does not let the owner change: the colour itself, with the reason beside
 * it (a disabled colour input would draw a grey bar that looks like the setting).
 */
function LockedColor({ id, label, value }: { id: string; label: string; value: string }) {
  return (
    <div className="field" data-locked-color="">
      <span id={`${id}-label`} className="label">
        {label}
      </span>
      <div className="color-field color-field--locked" aria-labelledby={`${id}-label`}>
        <span
          className="color-swatch"
          role="img"
          aria-label={`Current colour ${value}`}
          style={{ background: colorInputValue(value) }}
        />
        <code>{value}</code>
        <span className="plan-badge">Pro</span>
      </div>
    </div>
  );
}

function UrlField(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  disabled: boolean;
}) {
  const hint = 'An https:// address of a square image.';
  return (
    <Field id={props.id} label={props.label} hint={hint} error={props.error}>
      {(control) => (
        <input
          {...control}
          type="url"
          inputMode="url"
          maxLength={LIMITS.url}
          placeholder="https://…"
          value={props.value}
          disabled={props.disabled}
          onChange={(event) => props.onChange(event.target.value)}
        />
      )}
    </Field>
  );
}
