'use client';

import { CopyButton } from '@replyline/ui/copy-button';
import { FormStatus } from '@replyline/ui/form-status';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '~/trpc/react';

const ROTATE_WARNING =
  'Rotate the identity secret? Visitors signed with the current secret are refused until your site uses the new one.';

/**
 * The secret a site signs its signed-in visitors' identity tokens with, so the chat knows who
 * they are. It is never shown again after rotation: only "a secret is set".
 */
export function IdentitySecret({ hasSecret, canEdit }: { hasSecret: boolean; canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const rotate = useMutation(
    trpc.widget.rotateIdentitySecret.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.widget.get.pathFilter()),
    }),
  );

  return (
    <div className="identity">
      <p>
        To show signed-in customers as themselves, your server mints a short-lived identity token (a
        JWT signed with HS256 and this secret, with the user id in <code>sub</code>) and your page
        passes it to{' '}
        <code>
          Replyline(&apos;identify&apos;, {'{'} token {'}'})
        </code>
        . Keep the secret on your server only; see docs/identity.md for Node and Python examples.
      </p>
      <p className="muted">
        {hasSecret
          ? 'A secret is set. It is stored encrypted and cannot be shown again.'
          : 'No secret is set yet.'}
      </p>
      {rotate.data && (
        <div className="secret-reveal">
          <label htmlFor="identity-secret">New identity secret</label>
          <input
            id="identity-secret"
            className="secret"
            readOnly
            value={rotate.data.identitySecret}
            aria-describedby="identity-secret-warning"
            onFocus={(event) => event.currentTarget.select()}
          />
          <CopyButton text={rotate.data.identitySecret} what="Secret" />
          <p id="identity-secret-warning" role="alert" className="alert">
            Copy it now: it is shown only this once. Signatures made with the old secret are refused
            from now on, so update your server right away.
          </p>
        </div>
      )}
      {canEdit && (
        <>
          <FormStatus error={rotate.error?.message} />
          <div className="actions">
            <button
              type="button"
              className="button button--quiet"
              disabled={rotate.isPending}
              onClick={() => {
                if (window.confirm(ROTATE_WARNING)) rotate.mutate();
              }}
            >
              {rotate.isPending ? 'Rotating…' : hasSecret ? 'Rotate secret' : 'Create secret'}
            </button>
          </div>
        </>
      )}
    </div>
  );
}
