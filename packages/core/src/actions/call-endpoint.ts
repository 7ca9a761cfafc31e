import { checkOutboundUrl, safeFetch, type Resolve, type SafeResponse } from '@replyline/net';
import type { ActionHttpCall } from '@replyline/db/schema';
import type { ActionParams } from './action-parameters';
import { fillUrlTemplate, templatePlaceholders } from './url-template';

/** What an endpoint may send back: enough for an order with its lines, not a data dump. */
export const MAX_ACTION_RESPONSE_BYTES = 256 * 1024;
const MAX_REDIRECTS = 3;
/** Methods that may be sent twice without doing something twice (RFC 9110 §9.2.2). */
const IDEMPOTENT = new Set(['GET', 'PUT', 'DELETE']);

export interface EndpointDeps {
  /** Loopback allowed (development, tests): from validated env, never from tenant input. */
  allowLocal: boolean;
  resolve?: Resolve;
  /** Pause before the one retry of an idempotent call; tests make it short. */
  retryDelayMs?: number;
}

/** A call that could not be made or was refused; the message is safe to show the owner. */
export class EndpointError extends Error {
  override name = 'EndpointError';
}

/**
 * Calls an owner's endpoint with a visitor's checked parameters: the URL from the template
 * (values encoded), the owner's headers, the parameters not used in the URL as a JSON body (or
 * the query, for GET). Through the SSRF-safe client; redirects are followed only within the
 * same origin, each hop checked again; one retry for idempotent methods on a 5xx or network
 * failure. Returns the parsed JSON answer.
 */
export async function callEndpoint(
  call: ActionHttpCall,
  headers: Record<string, string>,
  params: ActionParams,
  deps: EndpointDeps,
): Promise<unknown> {
  let url: URL;
  try {
    url = fillUrlTemplate(call.urlTemplate, params);
  } catch (error) {
    throw new EndpointError((error as Error).message);
  }
  const rest = withoutTemplateParams(call.urlTemplate, params);
  const hasBody = call.method !== 'GET' && call.method !== 'DELETE';
  if (!hasBody) for (const [k, v] of Object.entries(rest)) url.searchParams.set(k, String(v));
  const init = {
    method: call.method,
    headers: {
      accept: 'application/json',
      'user-agent': 'Replyline-Actions/1',
      ...headers,
      ...(hasBody ? { 'content-type': 'application/json' } : {}),
    },
    body: hasBody ? JSON.stringify(rest) : undefined,
  };
  const attempts = IDEMPOTENT.has(call.method) ? 2 : 1;
  for (let attempt = 1; ; attempt++) {
    try {
      const response = await fetchFollowingSameOrigin(url, init, call.timeoutMs, deps);
      if (response.status >= 500 && attempt < attempts) {
        await pause(deps.retryDelayMs ?? 300);
        continue;
      }
      return readJson(response);
    } catch (error) {
      if (error instanceof EndpointError || attempt >= attempts) throw asEndpointError(error);
      await pause(deps.retryDelayMs ?? 300);
    }
  }
}

function withoutTemplateParams(template: string, params: ActionParams): ActionParams {
  const used = new Set(templatePlaceholders(template));
  return Object.fromEntries(Object.entries(params).filter(([name]) => !used.has(name)));
}

async function fetchFollowingSameOrigin(
  start: URL,
  init: { method: string; headers: Record<string, string>; body?: string },
  timeoutMs: number,
  deps: EndpointDeps,
): Promise<SafeResponse> {
  let url = start;
  for (let hop = 0; ; hop++) {
    const problem = checkOutboundUrl(url.toString(), { allowPrivateAddresses: deps.allowLocal });
    if (problem) throw new EndpointError(problem);
    const response = await safeFetch(url, init, {
      allowPrivateAddresses: deps.allowLocal,
      resolve: deps.resolve,
      timeoutMs,
      maxResponseBytes: MAX_ACTION_RESPONSE_BYTES,
    });
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !location) return response;
    if (hop >= MAX_REDIRECTS) throw new EndpointError('The endpoint redirected too many times.');
    const next = new URL(location, url);
    // The owner chose the host; a redirect elsewhere (an internal address, another site) is refused.
    if (next.origin !== start.origin)
      throw new EndpointError(
        `The endpoint redirected to another host (${next.host}); not followed.`,
      );
    url = next;
  }
}

function readJson(response: SafeResponse): unknown {
  if (!response.ok)
    throw new EndpointError(`The endpoint answered ${response.status} ${response.statusText}.`);
  const text = Buffer.from(response.body).toString('utf8');
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new EndpointError('The endpoint did not answer with JSON.');
  }
}

function asEndpointError(error: unknown): EndpointError {
  if (error instanceof EndpointError) return error;
  const name = (error as Error)?.name;
  if (name === 'TimeoutError' || name === 'AbortError')
    return new EndpointError('The endpoint did not answer in time.');
  if (name === 'ResponseTooLargeError')
    return new EndpointError('The endpoint answered with too much data.');
  if (name === 'RefusedAddressError')
    return new EndpointError('The endpoint is on a private or local address and was not called.');
  return new EndpointError(
    `The endpoint could not be reached: ${(error as Error)?.message ?? error}`,
  );
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
