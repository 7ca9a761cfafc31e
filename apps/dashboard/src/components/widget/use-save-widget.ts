'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '~/trpc/react';
import { formErrors } from './form-errors';
import type { WidgetDraft } from './preview-document';
import type { WidgetSettings } from './widget-settings';

/** What each section of the editor gets: the stored settings, and whom to tell after a save. */
export interface WidgetSectionProps {
  settings: WidgetSettings;
  canEdit: boolean;
  onSaved: () => void;
  /** Told what the form holds after every change, so the preview can draw it unsaved. */
  onDraft?: (draft: WidgetDraft) => void;
}

/**
 * `widget.update` for one section of the editor: its own pending state, errors and "Saved",
 * and a fresh read of the settings (and the preview) after each save.
 */
export function useSaveWidget(onSaved: () => void) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const update = useMutation(trpc.widget.update.mutationOptions());
  const [done, setDone] = useState<string | null>(null);

  async function save(input: Parameters<typeof update.mutateAsync>[0]) {
    setDone(null);
    const result = await update.mutateAsync(input).catch(() => null);
    if (!result) return;
    setDone(result.changed ? 'Saved.' : 'Nothing changed.');
    await queryClient.invalidateQueries(trpc.widget.get.pathFilter());
    if (result.changed) onSaved();
  }

  return {
    save,
    pending: update.isPending,
    errors: formErrors(update.error),
    done,
    /** Forgets the last refusal: after removing a list item its errors would sit on the wrong rows. */
    clearErrors: () => update.reset(),
  };
}
