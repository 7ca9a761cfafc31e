'use client';

import { DataTable } from '@replyline/ui/data-table';
import { LoadMoreButton } from '@replyline/ui/load-more-button';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTRPC } from '~/trpc/react';
import { UpgradeHint, usePlanAllows } from '../billing/plan-gate';
import { formatWhen, isoOf } from '../inbox/format';
import { describeAudit } from './customer-request';

/** Admin actions, newest first: who, what, when, from where. */
export function AuditLog() {
  const trpc = useTRPC();
  const allowed = usePlanAllows('auditLog');
  const log = useInfiniteQuery(
    trpc.settings.auditLog.infiniteQueryOptions(
      { limit: 25 },
      { getNextPageParam: (page) => page.nextCursor ?? undefined, enabled: allowed !== false },
    ),
  );
  if (allowed === false)
    return (
      <UpgradeHint feature="auditLog">
        Admin actions are recorded on every plan and show here once you upgrade.
      </UpgradeHint>
    );
  if (log.isPending) return <p className="muted">Loading the audit log…</p>;
  if (log.isError)
    return (
      <p role="alert" className="alert">
        {log.error.message}
      </p>
    );
  const entries = log.data.pages.flatMap((page) => page.entries);
  if (entries.length === 0) return <p className="empty">No admin actions recorded yet.</p>;
  return (
    <>
      <DataTable
        className="audit-table"
        columns={['When', 'Who', 'What', 'From']}
        rows={entries}
        renderRow={(entry) => (
          <tr key={entry.id} data-audit-action={entry.action}>
            <td>
              <time dateTime={isoOf(entry.createdAt)}>{formatWhen(entry.createdAt)}</time>
            </td>
            <td>
              {entry.actorName ?? entry.actorEmail ?? 'System'}
              {entry.actorName && entry.actorEmail && (
                <span className="muted audit-table__sub">{entry.actorEmail}</span>
              )}
            </td>
            <td>
              {describeAudit(entry)}
              {Object.keys(entry.details ?? {}).length > 0 && (
                <code className="audit-table__sub">{JSON.stringify(entry.details)}</code>
              )}
            </td>
            <td title={entry.userAgent ?? undefined}>{entry.ipAddress ?? 'unknown'}</td>
          </tr>
        )}
      />
      <LoadMoreButton pages={log} label="Show older entries" />
    </>
  );
}
