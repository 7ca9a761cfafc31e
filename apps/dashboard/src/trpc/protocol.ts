// What the dashboard's browser code and its route handlers agree on, in one place.

/**
 * The header the browser code sends with every tRPC call and upload: the workspace its page
 * (its cached data, its forms) was loaded for. The server compares it with the selected
 * workspace (the cookie) and refuses a mismatch; it never takes the tenant from it.
 */
export const PAGE_WORKSPACE_HEADER = 'x-replyline-workspace';

/** The most tRPC calls one request may carry; the route handler refuses larger batches (400). */
export const MAX_BATCH_SIZE = 20;
