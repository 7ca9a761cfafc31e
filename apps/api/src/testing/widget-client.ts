import { randomUUID } from 'node:crypto';
import { request, type IncomingMessage } from 'node:http';
import { SHOP_ORIGIN } from './test-api';

export interface Reply {
  status: number;
  headers: IncomingMessage['headers'];
  body: string;
  json<T = Record<string, unknown>>(): T;
}

export interface Started {
  conversationId: string;
  token: string;
  resumed: boolean;
  identified: boolean;
  messages: { id: string; role: string; content: string }[];
}

export interface ErrorBody {
  error: { code: string; message: string };
}

export const newVisitorId = () => `v_${randomUUID().replaceAll('-', '')}`;

/**
 * A widget as the API sees it, calling over real HTTP from one loopback address: every
 * address in 127.0.0.0/8 is this machine, so two clients are two IPs to the server.
 */
export function widgetClient(base: string, key: string, address = '127.0.0.1') {
  const url = new URL(base);

  function call(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    return new Promise<Reply>((resolve, reject) => {
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          localAddress: address,
          method,
          path,
          headers: {
            origin: SHOP_ORIGIN,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
            ...headers,
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: text,
              json: <T>() => JSON.parse(text) as T,
            }),
          );
        },
      );
      req.on('error', reject);
      req.end(body === undefined ? undefined : JSON.stringify(body));
    });
  }

  const auth = (c: Started) => ({ authorization: `Bearer ${c.token}` });

  return {
    call,
    start: (body: Record<string, unknown> = {}) =>
      call('POST', '/v1/conversations', { key, visitorId: newVisitorId(), ...body }),
    async started(body: Record<string, unknown> = {}): Promise<Started> {
      const reply = await this.start(body);
      if (reply.status !== 200) throw new Error(`start answered ${reply.status}: ${reply.body}`);
      return reply.json<Started>();
    },
    send: (c: Started, text: string) =>
      call('POST', `/v1/conversations/${c.conversationId}/messages`, { text }, auth(c)),
    history: (c: Started) =>
      call('GET', `/v1/conversations/${c.conversationId}/messages`, undefined, auth(c)),
    rate: (c: Started, rating: number) =>
      call('POST', `/v1/conversations/${c.conversationId}/rating`, { rating }, auth(c)),
    escalate: (c: Started, form: { email: string; message: string }) =>
      call('POST', `/v1/conversations/${c.conversationId}/escalate`, form, auth(c)),
    /** Opens the events stream; resolves with the status once the headers are in. */
    openEvents(c: Started) {
      return new Promise<{ status: number; close(): void }>((resolve, reject) => {
        const req = request(
          {
            host: url.hostname,
            port: url.port,
            localAddress: address,
            path: `/v1/conversations/${c.conversationId}/events`,
            headers: { origin: SHOP_ORIGIN, ...auth(c) },
          },
          (res) => {
            res.resume();
            resolve({ status: res.statusCode ?? 0, close: () => req.destroy() });
          },
        );
        req.on('error', (error: NodeJS.ErrnoException) => {
          if (error.code !== 'ECONNRESET') reject(error);
        });
        req.end();
      });
    },
  };
}

export type WidgetClient = ReturnType<typeof widgetClient>;
