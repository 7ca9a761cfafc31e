import { describedBy, Field } from '@replyline/ui/field';
import { TRPCClientError } from '@trpc/client';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { errorAt, formErrors } from './form-errors';

/** An error as the tRPC client builds it from the server's JSON answer. */
const clientError = (message: string, data: object = {}) =>
  TRPCClientError.from({
    error: { message, code: -32600, data: { code: 'BAD_REQUEST', ...data } },
  });

describe('form errors from the API', () => {
  it('puts each input problem under its own field, by path', () => {
    const issues = [
      {
        code: 'invalid_format',
        path: ['branding', 'primaryColor'],
        message: 'must be a colour like #0f766e',
      },
      {
        code: 'too_small',
        path: ['branding', 'suggestedQuestions', 1],
        message: 'a suggested question cannot be empty',
      },
      { code: 'custom', path: ['branding', 'primaryColor'], message: 'second problem, not shown' },
    ];
    const errors = formErrors(
      clientError(JSON.stringify(issues, null, 2), {
        fields: { branding: ['must be a colour like #0f766e'] },
      }),
    );
    expect(errors.fields).toEqual({
      'branding.primaryColor': 'must be a colour like #0f766e',
      'branding.suggestedQuestions.1': 'a suggested question cannot be empty',
    });
    expect(errors.message).toMatch(/see the notes below them/);
    expect(errorAt(errors, 'branding.suggestedQuestions')).toBe(
      'a suggested question cannot be empty',
    );
  });

  it('uses the top-level fields when that is all there is', () => {
    const errors = formErrors(
      clientError('Invalid input', { fields: { email: ['must be an email address'] } }),
    );
    expect(errors.fields).toEqual({ email: 'must be an email address' });
  });

  it('shows other refusals in the server’s words', () => {
    expect(formErrors(clientError('Only an owner can invite another owner.'))).toEqual({
      fields: {},
      message: 'Only an owner can invite another owner.',
    });
    expect(formErrors(null)).toEqual({ fields: {}, message: null });
  });
});

describe('an accessible field', () => {
  it('ties the hint and the error to the control and marks it invalid', () => {
    const html = renderToString(
      <Field
        id="invite-email"
        label="Email"
        hint="Their work address."
        error="must be an email address"
      >
        <input {...describedBy('invite-email', { hint: 'x', error: 'must be an email address' })} />
      </Field>,
    );
    expect(html).toContain('<label for="invite-email">Email</label>');
    expect(html).toMatch(
      /<input id="invite-email" aria-describedby="invite-email-hint invite-email-error" aria-invalid="true"\/>/,
    );
    expect(html).toContain(
      '<p id="invite-email-error" class="field__error">must be an email address</p>',
    );
  });

  it('hands a control given as a function the same ties, from the one id, hint and error', () => {
    const written = renderToString(
      <Field id="subject" label="Subject" hint="Short." error="cannot be empty">
        <input {...describedBy('subject', { hint: true, error: 'cannot be empty' })} />
      </Field>,
    );
    const handed = renderToString(
      <Field id="subject" label="Subject" hint="Short." error="cannot be empty">
        {(control) => <input {...control} />}
      </Field>,
    );
    expect(handed).toBe(written);
    expect(handed).toContain('aria-describedby="subject-hint subject-error" aria-invalid="true"');
  });

  it('leaves a valid control alone', () => {
    expect(describedBy('title', {})).toEqual({
      id: 'title',
      'aria-describedby': undefined,
      'aria-invalid': undefined,
    });
  });
});
