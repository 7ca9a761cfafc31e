import type { IncomingMessage } from 'node:http';
import { context, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import { TENANT_ATTRIBUTE } from '@replyline/db/telemetry';

const tracer = trace.getTracer('replyline-api');

/** The route label of requests no route matched (404, 405, preflights): one series, not one per path. */
export const UNMATCHED_ROUTE = 'unmatched';

/** One request as traces, metrics and error reports see it. */
export interface RequestTelemetry {
  span: Span;
  method: string;
  /** The matched route's template, set once routing picked it. */
  route: string;
  /** The workspace the request turned out to be about, once its key or token said so. */
  tenantId?: string;
  /** Set when a tracer is installed: logs carry it so a log line leads to its trace. */
  traceId?: string;
}

const telemetryByRequest = new WeakMap<IncomingMessage, RequestTelemetry>();

/** Opens the request's server span; `run` continues the request with the span active. */
export function beginRequest(req: IncomingMessage, requestId: string) {
  const method = req.method ?? 'GET';
  const span = tracer.startSpan(method, {
    kind: SpanKind.SERVER,
    attributes: { 'http.request.method': method, 'http.request.id': requestId },
  });
  const telemetry: RequestTelemetry = { span, method, route: UNMATCHED_ROUTE };
  if (span.isRecording()) telemetry.traceId = span.spanContext().traceId;
  telemetryByRequest.set(req, telemetry);
  const active = trace.setSpan(context.active(), span);
  return { telemetry, run: <T>(next: () => Promise<T>) => context.with(active, next) };
}

/** Names the span after the route template (`POST /v1/conversations/:id/messages`). */
export function noteRoute(req: IncomingMessage, route: string) {
  const telemetry = telemetryByRequest.get(req);
  if (!telemetry) return;
  telemetry.route = route;
  telemetry.span.updateName(`${telemetry.method} ${route}`);
  telemetry.span.setAttribute('http.route', route);
}

/** Tags the request with the tenant its credentials belong to (spans, error reports). */
export function noteTenant(req: IncomingMessage, tenantId: string) {
  const telemetry = telemetryByRequest.get(req);
  if (!telemetry) return;
  telemetry.tenantId = tenantId;
  telemetry.span.setAttribute(TENANT_ATTRIBUTE, tenantId);
}

export function telemetryOf(req: IncomingMessage): RequestTelemetry | undefined {
  return telemetryByRequest.get(req);
}

/** Ends the span with the response's status; 5xx marks it failed. */
export function endRequest(telemetry: RequestTelemetry, status: number) {
  telemetry.span.setAttribute('http.response.status_code', status);
  if (status >= 500) telemetry.span.setStatus({ code: SpanStatusCode.ERROR });
  telemetry.span.end();
}
