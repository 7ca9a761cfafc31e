import { describe, expect, it } from 'vitest';
import { isPrivateAddress, webhookUrlProblem } from './webhook-url';

describe('webhook addresses', () => {
  it('must be public https in production', () => {
    const production = { allowLocal: false };
    expect(webhookUrlProblem('https://hooks.slack.com/services/T0/B0/x', production)).toBeNull();
    for (const url of [
      'http://hooks.example.com/x',
      'https://localhost/x',
      'https://127.0.0.1/x',
      'https://169.254.169.254/latest/meta-data',
      'https://[::1]/x',
      'https://user:pass@hooks.example.com/x',
      'not a url',
    ])
      expect(webhookUrlProblem(url, production), url).not.toBeNull();
  });

  it('may be a local http address while developing', () => {
    expect(webhookUrlProblem('http://localhost:8080/hook', { allowLocal: true })).toBeNull();
    expect(webhookUrlProblem('http://127.0.0.1:8080/hook', { allowLocal: true })).toBeNull();
    expect(webhookUrlProblem('http://hooks.example.com/x', { allowLocal: true })).not.toBeNull();
  });

  it('tells private network addresses from public ones', () => {
    for (const ip of [
      '10.1.2.3',
      '172.20.0.1',
      '192.168.1.1',
      '100.64.0.1',
      '0.0.0.0',
      'fd00::1',
      'fe80::1',
      '::ffff:127.0.0.1',
    ])
      expect(isPrivateAddress(ip), ip).toBe(true);
    for (const ip of ['8.8.8.8', '172.32.0.1', '2606:4700::1111'])
      expect(isPrivateAddress(ip), ip).toBe(false);
  });
});
