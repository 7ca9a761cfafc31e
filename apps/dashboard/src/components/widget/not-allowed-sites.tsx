'use client';

import { FormStatus } from '@replyline/ui/form-status';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '~/trpc/react';
import { errorAt } from './form-errors';
import { useSaveWidget, type WidgetSectionProps } from './use-save-widget';

/**
 * Sites where the widget script was loaded but is not allowed: visitors there see no chat at
 * all, so the owner hears it here (with a one-click fix) instead of in a browser console.
 */
export function NotAllowedSites({ settings, canEdit, onSaved }: WidgetSectionProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sightings = useQuery(trpc.widget.sightings.queryOptions());
  const { save, pending, errors } = useSaveWidget(() => {
    void queryClient.invalidateQueries(trpc.widget.sightings.pathFilter());
    onSaved();
  });
  const sites = sightings.data?.notAllowed ?? [];
  if (!sites.length) return null;
  return (
    <div className="not-allowed" role="status" data-not-allowed-sites="">
      {sites.map(({ origin }) => (
        <div key={origin} className="notice not-allowed__site">
          <p>
            Your widget was loaded on <strong>{origin}</strong>, which is not in your allowed
            websites. Visitors there see no chat.
          </p>
          {canEdit && (
            <button
              type="button"
              className="button button--small"
              disabled={pending}
              onClick={() => void save({ allowedOrigins: [...settings.allowedOrigins, origin] })}
            >
              Add {origin}
            </button>
          )}
        </div>
      ))}
      <FormStatus error={errorAt(errors, 'allowedOrigins') ?? errors.message} />
    </div>
  );
}
