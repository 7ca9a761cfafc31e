// The guide's signing examples, run as a customer would run them, must produce the signature
// the API expects (apps/api/src/public/identity.ts): hex HMAC-SHA256 of the user id, or of the
// trimmed, lower-cased email when there is no id.
import { spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { NODE_SIGNATURE, PYTHON_SIGNATURE } from './examples';

const SECRET = 'identity-secret-for-tests';
const expected = (message: string) => createHmac('sha256', SECRET).update(message).digest('hex');

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, {
    encoding: 'utf8',
    env: { ...process.env, REPLYLINE_IDENTITY_SECRET: SECRET },
  });
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
  return result.stdout.trim();
}

const hasPython = spawnSync('python3', ['--version']).status === 0;

describe('identity signature examples', () => {
  it('Node: signs the user id, else the lower-cased email', () => {
    const script = `${NODE_SIGNATURE}
console.log(replylineSignature({ id: 'u_42', email: 'kari@example.com' }));
console.log(replylineSignature({ email: '  Kari.Nordmann@Example.COM ' }));`;
    const [byId, byEmail] = run(process.execPath, ['--input-type=module', '-e', script]).split(
      '\n',
    );
    expect(byId).toBe(expected('u_42'));
    expect(byEmail).toBe(expected('kari.nordmann@example.com'));
  });

  it.skipIf(!hasPython)('Python: signs the user id, else the lower-cased email', () => {
    const script = `${PYTHON_SIGNATURE}
print(replyline_signature(user_id="u_42", email="kari@example.com"))
print(replyline_signature(email="  Kari.Nordmann@Example.COM "))`;
    const [byId, byEmail] = run('python3', ['-c', script]).split('\n');
    expect(byId).toBe(expected('u_42'));
    expect(byEmail).toBe(expected('kari.nordmann@example.com'));
  });
});
