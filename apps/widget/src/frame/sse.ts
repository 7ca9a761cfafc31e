// Server-sent events over fetch: EventSource cannot send an Authorization header, and the
// answer stream comes from a POST. Follows the WHATWG parsing rules that matter here:
// any line ending (\r\n, \r, \n), multi-line data joined with \n, comments, and events
// split anywhere across network chunks (including between \r and \n).

export interface SseEvent {
  event: string;
  data: string;
}

/** Returns a push(chunk, end?) function; complete events go to onEvent in order. */
export function createSseParser(onEvent: (event: SseEvent) => void) {
  let buffer = '';
  let type = '';
  let data: string[] = [];

  const line = (text: string): void => {
    if (!text) {
      if (data.length) onEvent({ event: type || 'message', data: data.join('\n') });
      type = '';
      data = [];
      return;
    }
    if (text[0] === ':') return; // comment, e.g. ": keep-alive"
    const colon = text.indexOf(':');
    const field = colon < 0 ? text : text.slice(0, colon);
    let value = colon < 0 ? '' : text.slice(colon + 1);
    if (value[0] === ' ') value = value.slice(1);
    if (field === 'event') type = value;
    else if (field === 'data') data.push(value);
  };

  return (chunk: string, end = false): void => {
    buffer += chunk;
    // A trailing \r may be the first half of \r\n: keep it until the next chunk shows.
    const cut = !end && buffer.endsWith('\r') ? buffer.length - 1 : buffer.length;
    const lines = buffer.slice(0, cut).split(/\r\n|\r|\n/);
    buffer = lines.pop()! + buffer.slice(cut);
    for (const text of lines) line(text);
    // At the end of the stream an event without its blank line is dropped, as the spec says.
  };
}

/** Reads a response body to its end, calling onEvent for every event. */
export async function readSse(
  body: ReadableStream<Uint8Array>,
  onEvent: (event: SseEvent) => void,
): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const push = createSseParser(onEvent);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    push(decoder.decode(value, { stream: true }));
  }
  push(decoder.decode(), true);
}
