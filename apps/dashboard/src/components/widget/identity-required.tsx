'use client';

import { FormStatus } from '@replyline/ui/form-status';
import { useSaveWidget, type WidgetSectionProps } from './use-save-widget';

/**
 * "Identity required": the chat refuses visitors your site did not sign in (no valid identity
 * token). Saved as soon as it is changed; the box always shows the stored value.
 */
export function IdentityRequired({ settings, canEdit, onSaved }: WidgetSectionProps) {
  const { save, pending, errors, done } = useSaveWidget(onSaved);
  return (
    <div className="identity-required">
      <label>
        <input
          type="checkbox"
          name="identityRequired"
          checked={settings.identityRequired}
          disabled={!canEdit || pending}
          onChange={(event) => void save({ identityRequired: event.currentTarget.checked })}
        />{' '}
        Only signed-in customers can chat (visitors without a valid identity are refused)
      </label>
      <FormStatus error={errors.message} done={done} />
    </div>
  );
}
