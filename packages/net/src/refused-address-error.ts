/**
 * Thrown when an outbound call would reach an address that is not public (or the name does
 * not resolve). The message names the host, never the tenant's full URL, so it can be shown
 * to the tenant and logged without leaking paths or tokens in the URL.
 */
export class RefusedAddressError extends Error {
  override name = 'RefusedAddressError';
  constructor(
    readonly host: string,
    readonly address?: string,
  ) {
    super(
      address
        ? `${host} points to ${address}, which is not a public internet address.`
        : `${host} is not a public internet address.`,
    );
  }
}
