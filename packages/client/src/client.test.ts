import { describe, expect, it } from 'vitest';
import { createReplylineClient } from './index';

describe('createReplylineClient', () => {
  it('sends the secret key as a bearer token to the typed path', async () => {
    const seen: Request[] = [];
    const client = createReplylineClient({
      baseUrl: 'http://api.test/',
      secretKey: 'sk_test',
      fetch: async (input) => {
        seen.push(input as Request);
        return Response.json({ documents: [] });
      },
    });
    const { data } = await client.GET('/v1/manage/documents');
    expect(data).toEqual({ documents: [] });
    expect(seen[0]?.url).toBe('http://api.test/v1/manage/documents');
    expect(seen[0]?.headers.get('authorization')).toBe('Bearer sk_test');
  });

  it('refuses something that is not a secret key before any request', () => {
    expect(() => createReplylineClient({ baseUrl: 'http://api.test', secretKey: 'pk_1' })).toThrow(
      /starts with "sk_"/,
    );
  });
});
