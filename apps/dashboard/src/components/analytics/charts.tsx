'use client';

import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { activityChartData, sentimentChartData } from './report-data';

const AXIS = { fontSize: 12, fill: 'currentColor' };

/** Conversations and messages per day. The table beside it is what screen readers read. */
export function ActivityChart({ data }: { data: ReturnType<typeof activityChartData> }) {
  return (
    <figure className="chart" data-chart="activity">
      <div aria-hidden="true" className="chart__canvas">
        <ResponsiveContainer width="100%" height={260}>
          <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: -8 }}>
            <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
            {/* Every nth day's label, n the smallest that fits the width the chart has (a phone
                shows a few, a desktop more); today's is always among them. */}
            <XAxis dataKey="label" tick={AXIS} interval="equidistantPreserveEnd" minTickGap={12} />
            <YAxis allowDecimals={false} tick={AXIS} />
            <Tooltip />
            <Legend />
            <Line
              type="monotone"
              dataKey="conversations"
              name="Conversations"
              stroke="#4f46e5"
              strokeWidth={2}
              dot={false}
            />
            <Line
              type="monotone"
              dataKey="messages"
              name="Messages"
              stroke="#0ea5e9"
              strokeWidth={2}
              dot={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="muted">Conversations and messages per day</figcaption>
      {/* A table keeps its content's width whatever it is given, so the hidden box is a div. */}
      <div className="visually-hidden">
        <table>
          <caption>Conversations and messages per day</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Conversations</th>
              <th scope="col">Messages</th>
            </tr>
          </thead>
          <tbody>
            {data.map((d) => (
              <tr key={d.day}>
                <th scope="row">{d.day}</th>
                <td>{d.conversations}</td>
                <td>{d.messages}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

/** The tone of customers' messages, in percent. */
export function SentimentChart({ data }: { data: ReturnType<typeof sentimentChartData> }) {
  if (data.length === 0) return <p className="empty">No customer messages in this period.</p>;
  return (
    <figure className="chart">
      <div aria-hidden="true" className="chart__canvas">
        <ResponsiveContainer width="100%" height={200}>
          <BarChart
            data={data}
            layout="vertical"
            margin={{ top: 0, right: 24, bottom: 0, left: 8 }}
          >
            <XAxis type="number" domain={[0, 100]} unit="%" tick={AXIS} />
            <YAxis type="category" dataKey="name" width={80} tick={AXIS} />
            <Tooltip formatter={(value) => `${String(value)}%`} />
            <Bar dataKey="percent" name="Share of messages">
              {data.map((slice) => (
                <Cell key={slice.tone} fill={slice.color} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption>
        <ul className="chart__legend">
          {data.map((slice) => (
            <li key={slice.tone}>{`${slice.name}: ${slice.percent}%`}</li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
