'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useMemo, useState } from 'react';
import { useTRPC } from '~/trpc/react';
import { formatWhen } from '../inbox/format';
import { ActivityChart, SentimentChart } from './charts';
import {
  activityChartData,
  formatCsat,
  formatRate,
  formatSeconds,
  periodFor,
  RANGES,
  sentimentChartData,
  viewerTimeZone,
  type RangeDays,
} from './report-data';
import { UnansweredList } from './unanswered-list';

/** The analytics page: a date range, its figures, charts and question reports. */
export function Analytics({ canEditKnowledge }: { canEditKnowledge: boolean }) {
  const trpc = useTRPC();
  const [days, setDays] = useState<RangeDays>(30);
  // Fixed per range choice, so the query key (and the cache) stays the same between renders.
  const period = useMemo(() => periodFor(days, new Date(), viewerTimeZone()), [days]);
  const summary = useQuery(trpc.analytics.summary.queryOptions(period));
  const top = useQuery(trpc.analytics.topQuestions.queryOptions({ ...period, limit: 15 }));

  return (
    <>
      <fieldset className="range">
        <legend>Period</legend>
        {RANGES.map((n) => (
          <label
            key={n}
            className={n === days ? 'range__option range__option--on' : 'range__option'}
          >
            <input
              type="radio"
              name="range"
              value={n}
              checked={n === days}
              onChange={() => setDays(n)}
            />
            {`Last ${n} days`}
          </label>
        ))}
      </fieldset>

      {summary.isPending ? (
        <p className="muted">Loading figures…</p>
      ) : summary.isError ? (
        <p role="alert" className="alert">
          {summary.error.message}
        </p>
      ) : (
        <>
          <dl className="kpis" aria-label="Key figures">
            <Kpi label="Conversations" value={String(summary.data.conversations)} />
            <Kpi label="Messages" value={String(summary.data.messages)} />
            <Kpi
              label="Resolution rate"
              value={formatRate(summary.data.resolutionRate)}
              hint="Handled by the bot alone"
            />
            <Kpi
              label="Escalation rate"
              value={formatRate(summary.data.escalationRate)}
              hint="Went to a person"
            />
            <Kpi
              label="Median reply by a person"
              value={formatSeconds(summary.data.medianAgentResponseSeconds)}
              hint={`From when the customer began waiting · bot: ${formatSeconds(summary.data.medianResponseSeconds)}`}
            />
            <Kpi
              label="CSAT"
              value={formatCsat(summary.data.csat.average)}
              hint={`${summary.data.csat.responses} ratings · ${formatRate(summary.data.csat.satisfiedShare)} satisfied`}
            />
          </dl>
          <div className="charts">
            <section className="panel" aria-labelledby="activity-title">
              <h2 id="activity-title">Activity</h2>
              <ActivityChart data={activityChartData(summary.data.perDay)} />
            </section>
            <section className="panel" aria-labelledby="sentiment-title">
              <h2 id="sentiment-title">Sentiment</h2>
              <SentimentChart data={sentimentChartData(summary.data.sentiment)} />
            </section>
          </div>
        </>
      )}

      <section className="panel" aria-labelledby="top-questions-title">
        <h2 id="top-questions-title">Top questions</h2>
        <p className="muted panel__description">
          Near-identical wordings are counted as one question.
        </p>
        {top.isPending ? (
          <p className="muted">Loading…</p>
        ) : top.isError ? (
          <p role="alert" className="alert">
            {top.error.message}
          </p>
        ) : top.data.length === 0 ? (
          <p className="empty">No questions in this period.</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Question</th>
                  <th scope="col">Asked</th>
                  <th scope="col">Last asked</th>
                </tr>
              </thead>
              <tbody>
                {top.data.map((q) => (
                  <tr key={q.key}>
                    <td>
                      <Link href={`/inbox?conversation=${q.conversationId}`}>{q.example}</Link>
                    </td>
                    <td>{q.count}</td>
                    <td>{formatWhen(q.lastAskedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="panel" aria-labelledby="unanswered-title">
        <h2 id="unanswered-title">Unanswered questions</h2>
        <p className="muted panel__description">
          What the assistant could not answer.{' '}
          {canEditKnowledge
            ? 'Turn one into an FAQ entry and it is answered from now on.'
            : 'An admin can turn these into FAQ entries.'}
        </p>
        <UnansweredList period={period} canEditKnowledge={canEditKnowledge} />
      </section>
    </>
  );
}

function Kpi({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div className="kpi">
      <dt>{label}</dt>
      <dd className="kpi__value">{value}</dd>
      {hint && <dd className="kpi__hint muted">{hint}</dd>}
    </div>
  );
}
