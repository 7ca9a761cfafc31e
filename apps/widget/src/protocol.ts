// The postMessage protocol between the host-page loader and the chat frame. Both bundles
// import this file, so the two ends cannot drift apart.
//
//   loader -> frame (targetOrigin = API origin):  identify {identity}, visibility {open}
//
// The frame sends `identity` on as it is to POST /v1/conversations.
//   frame -> loader (targetOrigin = host origin): ready, unread {count}, close

export const SOURCE = 'replyline';

/**
 * What `Replyline('identify', identity)` takes: `{ token }`, an identity token the host site's
 * server minted (a short-lived JWT, see docs/identity.md), or, from older embeds, the hex
 * HMAC of the user id or email. Nothing unsigned goes along: a name or context belongs in
 * the token's claims.
 */
export type Identity = { token: string } | { userId?: string; email?: string; signature: string };

export type WidgetMessage = { source: typeof SOURCE; type: string } & Record<string, unknown>;

/**
 * The message data when it comes from exactly `origin` AND from the window we expect,
 * else null. Both checks matter: any page can frame us or post to us, and an origin alone
 * does not tell two frames of the same origin apart.
 */
export function accept(event: MessageEvent, origin: string, from: unknown): WidgetMessage | null {
  const data: unknown = event.data;
  if (event.origin !== origin || !from || event.source !== from) return null;
  if (!data || typeof data !== 'object') return null;
  return (data as { source?: unknown }).source === SOURCE ? (data as WidgetMessage) : null;
}
