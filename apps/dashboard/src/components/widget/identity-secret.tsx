'use client';

import { CopyButton } from '@replyline/ui/copy-button';
import { FormStatus } from '@replyline/ui/form-status';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '~/trpc/react';

const ROTATE_WARNING =
  'Rotate the identity secret? Visitors signed with the current secret are refused until your site uses the new one.';

/**
 * The secret a site signs its signed-in visitors' identity tokens with, so the chat knows who
 * they are. A workspace starts without one; it is shown once, right after it is created (or
 * rotated), and afterwards only "a secret is set".
 */
export function IdentitySecret({ hasSecret, canEdit }: { hasSecret: boolean; canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const rotate = useMutation(
    trpc.widget.rotateIdentitySecret.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.widget.get.pathFilter()),
    }),
  );

  // Whether the secret on screen replaced another one (its warning says the old one is dead).
  const [rotated, setRotated] = useState(false);
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
      <p className="muted" data-identity-secret-state={hasSecret ? 'set' : 'none'}>
        {hasSecret
          ? 'A secret is set. It is stored encrypted and shown only once, right after it is created or rotated: it cannot be shown again. Rotate it to get a new one.'
          : 'No secret yet. Create one when your server is ready to sign identities: it is shown once, right after it is created.'}
      </p>
      {rotate.data && (
        <div className="secret-reveal">
          <label htmlFor="identity-secret">Your identity secret</label>
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
            Copy it now: it is shown only this once and cannot be shown again.
            {rotated &&
              ' Signatures made with the old secret are refused from now on, so update your server right away.'}
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
                setRotated(hasSecret);
                if (!hasSecret || window.confirm(ROTATE_WARNING)) rotate.mutate();
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
