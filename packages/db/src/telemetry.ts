import {
  context,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Span,
} from '@opentelemetry/api';

/**
 * Spans of the request path (API -> engine -> retrieval -> database). Only the OpenTelemetry
 * API is used here: until a process installs a tracer provider (the API does when an OTLP
 * endpoint is configured) every call below is a no-op that allocates nothing worth measuring.
 */
const tracer = trace.getTracer('replyline');

/** The attribute every span about one tenant's data carries. */
export const TENANT_ATTRIBUTE = 'tenant.id';

/** Runs `work` inside a span that ends when it settles; a failure is recorded on the span. */
export function inSpan<T>(
  name: string,
  attributes: Attributes,
  work: (span: Span) => Promise<T>,
): Promise<T> {
  return tracer.startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      recordFailure(span, error);
      throw error;
    } finally {
      span.end();
    }
  });
}

/**
 * A generator's whole life as one span: each step runs with the span active, so what the
 * generator calls (retrieval, database) nests under it even though the consumer drives it.
 * A span that records nothing (no tracer installed, or not sampled) hands back `stream`
 * itself: a streamed answer passes every item through each generator around it, and one that
 * only keeps a no-op span active is a promise per item for nothing.
 */
export function inStreamSpan<Y, R>(
  name: string,
  attributes: Attributes,
  stream: AsyncGenerator<Y, R>,
): AsyncGenerator<Y, R> {
  const span = tracer.startSpan(name, { attributes });
  if (span.isRecording()) return spanned(span, stream);
  span.end();
  return stream;
}

async function* spanned<Y, R>(span: Span, stream: AsyncGenerator<Y, R>): AsyncGenerator<Y, R> {
  const active: Context = trace.setSpan(context.active(), span);
  try {
    for (;;) {
      const step = await context.with(active, () => stream.next());
      if (step.done) return step.value;
      yield step.value;
    }
  } catch (error) {
    recordFailure(span, error);
    throw error;
  } finally {
    // The consumer stopped early (the visitor left): let the inner generator clean up too.
    await context.with(active, () => stream.return(undefined as R)).catch(() => undefined);
    span.end();
  }
}

function recordFailure(span: Span, error: unknown) {
  span.recordException(error instanceof Error ? error : String(error));
  span.setStatus({ code: SpanStatusCode.ERROR });
}
