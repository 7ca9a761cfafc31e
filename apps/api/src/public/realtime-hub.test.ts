import { describe, expect, it } from 'vitest';
import { readBackWithRetry } from './realtime-hub';

const adminShutdown = Object.assign(new Error('terminating connection due to administrator command'), {
  code: '57P01',
});

function failingTimes(failures: number, error: Error) {
  let calls = 0;
  const read = async () => {
    calls += 1;
    if (calls <= failures) throw error;
    return `row after ${calls} reads`;
  };
  return { read, calls: () => calls };
}

describe('reading a signalled row back', () => {
  it('tries again when the database dropped the connection, so the update is not lost', async () => {
    const source = failingTimes(2, adminShutdown);
    await expect(readBackWithRetry(source.read, [1, 1, 1])).resolves.toBe('row after 3 reads');
    expect(source.calls()).toBe(3);
  });

  it('gives up after its last wait when the database stays away', async () => {
    const source = failingTimes(10, adminShutdown);
    await expect(readBackWithRetry(source.read, [1, 1])).rejects.toBe(adminShutdown);
    expect(source.calls()).toBe(3);
  });

  it('does not repeat a read that failed for another reason', async () => {
    const bug = new TypeError('cannot read properties of undefined');
    const source = failingTimes(1, bug);
    await expect(readBackWithRetry(source.read, [1, 1])).rejects.toBe(bug);
    expect(source.calls()).toBe(1);
  });
});
