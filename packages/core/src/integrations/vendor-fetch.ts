import {
  checkOutboundUrl,
  ResponseTooLargeError,
  safeFetch,
  type SafeResponse,
} from '@replyline/net';
import { DomainError } from '../domain-error';
import { integrationsMayReachLocal } from './env';

/** This machine only: the local vendor servers developers and tests run (WHATWG-normalised). */
const LOOPBACK_HOST = /^(?:localhost|.+\.localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** A vendor request: plain strings, so it is easy to log, check and retry. */
export interface VendorRequest {
  method: string;
  headers?: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
}

export interface VendorCallOptions {
  /** The vendor's name, for messages a person reads ("WooCommerce did not answer …"). */
  vendor: string;
  signal?: AbortSignal;
  /** Default 8 s: a visitor is waiting in the chat. */
  timeoutMs?: number;
  /** Default 512 KiB: an order or a calendar week is far smaller. */
  maxResponseBytes?: number;
}

/**
 * The rule for a vendor address the owner saved: public https, or a server on this machine
 * while developing. Null when fine, else a sentence for the owner.
 */
export function vendorUrlProblem(raw: string): string | null {
  return checkOutboundUrl(raw, { allowPrivateAddresses: mayReachLocal(raw) });
}

/**
 * One call to a vendor's API through the SSRF-safe client: the address is checked before and
 * at connect time, no redirect is followed, time and size are capped. Every failure becomes a
 * DomainError whose message says which vendor and what went wrong.
 */
export async function callVendor(
  url: string,
  init: VendorRequest,
  options: VendorCallOptions,
): Promise<SafeResponse> {
  const problem = vendorUrlProblem(url);
  if (problem) throw new DomainError('precondition_failed', `${options.vendor}: ${problem}`);
  const { body, headers, method } = init;
  try {
    return await safeFetch(
      url,
      { body, headers, method, signal: init.signal ?? options.signal },
      {
        allowPrivateAddresses: mayReachLocal(url),
        timeoutMs: options.timeoutMs ?? 8_000,
        maxResponseBytes: options.maxResponseBytes ?? 512 * 1024,
      },
    );
  } catch (error) {
    throw unreachable(options.vendor, error);
  }
}

function unreachable(vendor: string, error: unknown): DomainError {
  if (error instanceof ResponseTooLargeError)
    return new DomainError('unavailable', `${vendor} sent an answer too large to use.`, {
      cause: error,
    });
  const name = (error as { name?: string }).name;
  if (name === 'TimeoutError' || name === 'AbortError')
    return new DomainError('unavailable', `${vendor} did not answer in time.`, { cause: error });
  const reason = error instanceof Error ? error.message : String(error);
  return new DomainError('unavailable', `${vendor} could not be reached: ${reason}`, {
    cause: error,
  });
}

/** Reads a JSON answer, or says in a sentence that the vendor sent something else. */
export function jsonOf(response: SafeResponse, vendor: string): unknown {
  try {
    return JSON.parse(Buffer.from(response.body).toString('utf8'));
  } catch {
    throw new DomainError('unavailable', `${vendor} answered ${response.status} with no JSON.`);
  }
}

/**
 * `fetch` for libraries that take one (tsdav): the same checks and caps as `callVendor`,
 * answering with a standard Response built from the capped body.
 */
export function vendorFetch(options: VendorCallOptions): typeof fetch {
  return async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const request: VendorRequest = {
      method: init?.method ?? 'GET',
      headers: headerRecord(new Headers(init?.headers)),
      body: init?.body == null ? undefined : String(init.body),
      signal: init?.signal ?? undefined,
    };
    const response = await callVendor(url, request, options);
    const nullBody = [101, 204, 205, 304].includes(response.status);
    // A copy typed on a plain ArrayBuffer: what every lib's BodyInit accepts (the dashboard's DOM lib too).
    const body = nullBody || !response.body ? null : new Uint8Array(response.body);
    return new Response(body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}

/** Headers as a plain record, without the iterator methods some TypeScript DOM libs lack. */
function headerRecord(headers: Headers): Record<string, string> {
  const record: Record<string, string> = {};
  headers.forEach((value, name) => {
    record[name] = value;
  });
  return record;
}

function mayReachLocal(raw: string): boolean {
  if (!integrationsMayReachLocal()) return false;
  try {
    return LOOPBACK_HOST.test(new URL(raw).hostname);
  } catch {
    return false;
  }
}
