import { FormStatus } from '@replyline/ui/form-status';
import { HTTP_KIND, type ActionSummary } from './action-input';

/** Where an action runs, in a few words: the endpoint's method and host, or the built-in. */
function whereItRuns(action: ActionSummary): string {
  if (action.kind !== HTTP_KIND || !action.http) return `Built-in: ${action.kind}`;
  const host = /^https?:\/\/([^/?#]+)/i.exec(action.http.urlTemplate)?.[1] ?? '';
  return `${action.http.method} ${host}`;
}

/** One action in the list: on/off switch, what it is, and Edit / Try it / Delete. */
export function ActionRow({
  action,
  busy,
  error,
  onToggle,
  onEdit,
  onTry,
  onDelete,
}: {
  action: ActionSummary;
  busy: boolean;
  error: string | null;
  onToggle: (enabled: boolean) => void;
  onEdit: () => void;
  onTry: () => void;
  onDelete: () => void;
}) {
  const flags = [
    action.requiresIdentity && 'signed-in visitors only',
    action.sideEffects && 'confirmed first',
    action.http?.headerNames.length && `headers: ${action.http.headerNames.join(', ')}`,
  ].filter(Boolean);
  return (
    <li className="action-row" data-enabled={action.enabled}>
      <label className="action-row__switch">
        <input
          type="checkbox"
          role="switch"
          checked={action.enabled}
          disabled={busy}
          onChange={(event) => onToggle(event.target.checked)}
          aria-label={`${action.name} enabled`}
        />{' '}
        {action.enabled ? 'On' : 'Off'}
      </label>
      <div className="action-row__what">
        <p>
          <strong>{action.name}</strong> · {whereItRuns(action)}
        </p>
        <p className="muted">{action.description}</p>
        {flags.length > 0 && <p className="muted">{flags.join(' · ')}</p>}
      </div>
      <div className="actions">
        <button type="button" className="button button--quiet" onClick={onTry}>
          Try it
        </button>
        <button type="button" className="button button--quiet" onClick={onEdit}>
          Edit
        </button>
        <button
          type="button"
          className="button button--quiet button--danger"
          disabled={busy}
          onClick={onDelete}
        >
          Delete
        </button>
      </div>
      {error && <FormStatus error={error} />}
    </li>
  );
}
