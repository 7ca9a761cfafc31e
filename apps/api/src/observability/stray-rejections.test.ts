import { describe, expect, it, vi } from 'vitest';
import { handleStrayRejection } from './stray-rejections';

function recorder() {
  const log = { warn: vi.fn(), fatal: vi.fn() };
  const exit = vi.fn();
  return { log, exit };
}

describe('an unhandled promise rejection', () => {
  it('from a connection the database dropped is logged and the process keeps serving', () => {
    const { log, exit } = recorder();
    const dropped = Object.assign(new Error('write CONNECTION_CLOSED 127.0.0.1:5432'), {
      code: 'CONNECTION_CLOSED',
    });
    handleStrayRejection(dropped, log, exit);
    expect(exit).not.toHaveBeenCalled();
    expect(log.warn).toHaveBeenCalledWith({ err: dropped }, expect.stringContaining('database'));
  });

  it('of any other kind ends the process, as a bug must', () => {
    const { log, exit } = recorder();
    const bug = new TypeError("Cannot read properties of undefined (reading 'id')");
    handleStrayRejection(bug, log, exit);
    expect(exit).toHaveBeenCalledWith(1);
    expect(log.fatal).toHaveBeenCalledWith({ err: bug }, expect.any(String));
  });

  it('that is not even an error (a rejected string) ends the process too', () => {
    const { log, exit } = recorder();
    handleStrayRejection('nope', log, exit);
    expect(exit).toHaveBeenCalledWith(1);
  });
});
