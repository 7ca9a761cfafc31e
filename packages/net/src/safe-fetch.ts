import { Agent, buildConnector, fetch, type RequestInit } from 'undici';
import { publicOnlyConnector } from './public-connector';
import type { Resolve } from './public-lookup';
import { RefusedAddressError } from './refused-address-error';

export interface SafeFetchOptions {
  /**
   * Connect to loopback and private networks too: development and tests only (a receiver on
   * localhost). Callers set it from their own validated env, never from tenant input.
   */
  allowPrivateAddresses?: boolean;
  /** Name resolution; tests answer what they need. Default: the system resolver. */
  resolve?: Resolve;
  /** The whole call, connecting to the last body byte. Default 10 s. */
  timeoutMs?: number;
  /** A longer answer is cut off with an error. Default 1 MiB. */
  maxResponseBytes?: number;
}

/** The answer, read in full (within the size cap). Redirects are not followed: a 3xx is returned. */
export interface SafeResponse {
  status: number;
  statusText: string;
  ok: boolean;
  headers: Headers;
  body: Uint8Array;
}

export class ResponseTooLargeError extends Error {
  override name = 'ResponseTooLargeError';
}

export type SafeFetchInit = Omit<RequestInit, 'dispatcher' | 'redirect'>;

/**
 * `fetch` for every URL a tenant configured (webhooks today, anything outbound later): refuses
 * to connect to any address that is not public unicast, checked at connect time; follows no
 * redirect (the target of a redirect was never checked at save time); caps time and size.
 */
export async function safeFetch(
  url: string | URL,
  init: SafeFetchInit = {},
  options: SafeFetchOptions = {},
): Promise<SafeResponse> {
  const target = new URL(url);
  if (target.protocol !== 'https:' && target.protocol !== 'http:')
    throw new TypeError(`Only http and https addresses can be called, not ${target.protocol}`);
  const timeoutMs = options.timeoutMs ?? 10_000;
  const agent = new Agent({
    connect: options.allowPrivateAddresses
      ? buildConnector({ timeout: timeoutMs })
      : publicOnlyConnector({ resolve: options.resolve, timeoutMs }),
  });
  const timeout = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(target, {
      ...init,
      dispatcher: agent,
      redirect: 'manual',
      signal: init.signal ? AbortSignal.any([init.signal, timeout]) : timeout,
    }).catch(unwrapRefusal);
    const body = await readCapped(response, options.maxResponseBytes ?? 1024 * 1024);
    const { status, statusText, ok, headers } = response;
    return { status, statusText, ok, headers: headers as unknown as Headers, body };
  } finally {
    await agent.destroy();
  }
}

/** undici wraps connect errors in `TypeError('fetch failed')`; the refusal is the useful part. */
function unwrapRefusal(error: unknown): never {
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof RefusedAddressError) throw cause;
  throw error;
}

async function readCapped(
  response: Awaited<ReturnType<typeof fetch>>,
  maxBytes: number,
): Promise<Uint8Array> {
  const tooLarge = () =>
    new ResponseTooLargeError(`The answer is larger than ${maxBytes} bytes and was cut off.`);
  if (Number(response.headers.get('content-length') ?? 0) > maxBytes) {
    await response.body?.cancel();
    throw tooLarge();
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body ?? []) {
    size += chunk.byteLength;
    if (size > maxBytes) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
