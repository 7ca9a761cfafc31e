'use client';

import { FormStatus } from './field';
import { useSaveWidget } from './use-save-widget';
import type { WidgetSettings } from './widget-settings';

/**
 * "Identity required": the chat refuses visitors your site did not sign in (no valid identity
 * token). Saved as soon as it is changed; the box always shows the stored value.
 */
export function IdentityRequired({
  settings,
  canEdit,
  onSaved,
}: {
  settings: WidgetSettings;
  canEdit: boolean;
  onSaved: () => void;
}) {
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
