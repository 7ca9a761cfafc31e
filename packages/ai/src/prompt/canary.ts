import { randomBytes } from 'node:crypto';

/**
 * A fresh secret per request, written into the system prompt. It appears nowhere else, so if
 * it shows up in an answer, the model is repeating its instructions and the answer is dropped.
 */
export function newCanary(): string {
  return `rl-canary-${randomBytes(8).toString('hex')}`;
}
