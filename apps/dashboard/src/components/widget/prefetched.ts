/**
 * A query read on the server (through `serverApi()`) as the browser's tRPC client would have
 * received it, JSON and all (dates become strings), to hand to the client query as
 * `initialData`: the page arrives with its content instead of "Loading…". Undefined when the
 * read failed; the client then asks itself and shows the refusal in its own words.
 */
export async function prefetched<T>(read: () => Promise<unknown>): Promise<T | undefined> {
  try {
    return JSON.parse(JSON.stringify(await read())) as T;
  } catch {
    return undefined;
  }
}
