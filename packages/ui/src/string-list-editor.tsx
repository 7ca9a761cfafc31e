'use client';

import { useRef } from 'react';
import { FieldNotes } from './field-notes';

/**
 * A list of short texts (suggested questions, refused topics, websites): one input per item,
 * each removable, and an "Add" button that focuses the new input.
 */
export function StringListEditor({
  id,
  legend,
  itemLabel,
  values,
  onChange,
  onRemove,
  max,
  maxLength,
  placeholder,
  hint,
  error,
  itemErrors = [],
  disabled,
  inputMode,
}: {
  id: string;
  legend: string;
  /** "Suggested question": items are labelled "Suggested question 1", … */
  itemLabel: string;
  values: string[];
  onChange: (values: string[]) => void;
  /** Called after an item is removed (the form forgets errors that were tied to positions). */
  onRemove?: () => void;
  max: number;
  maxLength?: number;
  placeholder?: string;
  hint?: string;
  /** A problem with the list as a whole (too many, say). */
  error?: string;
  itemErrors?: (string | undefined)[];
  disabled?: boolean;
  inputMode?: 'url' | 'text';
}) {
  const list = useRef<HTMLUListElement>(null);
  const notes = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');

  function add() {
    onChange([...values, '']);
    // Focus the new, empty input once it is rendered.
    requestAnimationFrame(() =>
      list.current?.querySelector<HTMLInputElement>('li:last-child input')?.focus(),
    );
  }

  return (
    <fieldset className="list-editor" aria-describedby={notes || undefined} disabled={disabled}>
      <legend>{legend}</legend>
      {values.length > 0 && (
        <ul ref={list}>
          {values.map((value, index) => {
            const itemId = `${id}-${index}`;
            const itemError = itemErrors[index];
            return (
              <li key={index}>
                <div className="list-editor__row">
                  <label htmlFor={itemId} className="visually-hidden">
                    {itemLabel} {index + 1}
                  </label>
                  <input
                    id={itemId}
                    value={value}
                    required
                    maxLength={maxLength}
                    placeholder={placeholder}
                    inputMode={inputMode}
                    aria-invalid={itemError ? true : undefined}
                    aria-describedby={itemError ? `${itemId}-error` : undefined}
                    onChange={(event) =>
                      onChange(values.map((v, i) => (i === index ? event.target.value : v)))
                    }
                  />
                  <button
                    type="button"
                    className="button button--quiet button--small"
                    aria-label={`Remove ${itemLabel.toLowerCase()} ${index + 1}`}
                    onClick={() => {
                      onChange(values.filter((_, i) => i !== index));
                      onRemove?.();
                    }}
                  >
                    Remove
                  </button>
                </div>
                <FieldNotes id={itemId} error={itemError} />
              </li>
            );
          })}
        </ul>
      )}
      <button
        type="button"
        className="button button--quiet button--small"
        onClick={add}
        disabled={values.length >= max}
      >
        Add {itemLabel.toLowerCase()}
      </button>
      <FieldNotes id={id} hint={hint} error={error} />
    </fieldset>
  );
}

/**
 * The editor's `error` and `itemErrors` for the list at `path` ('branding.suggestedQuestions')
 * of a form's errors by input path: the list's own problem, then each item's by index.
 */
export function listErrors(fields: Record<string, string>, path: string, length: number) {
  return {
    error: fields[path],
    itemErrors: Array.from({ length }, (_, index) => fields[`${path}.${index}`]),
  };
}
