import { describe, expect, it } from 'vitest';
import { webhookUrlProblem } from './webhook-url';

const production = { allowLocal: false };

describe('webhook addresses', () => {
  it('must be public https in production', () => {
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

  it('refuses IPv6 and numeric spellings of local addresses (the issue’s bypasses)', () => {
    for (const url of [
      'https://[::ffff:7f00:1]:8443/hook',
      'https://[::ffff:a9fe:a9fe]/latest/meta-data',
      'https://[64:ff9b::a9fe:a9fe]/x',
      'https://[::127.0.0.1]/x',
      'https://2130706433/',
      'https://0x7f.1/',
      'https://0177.0.0.1/',
    ])
      expect(webhookUrlProblem(url, production), url).toMatch(
        /^The address must be reachable on the public internet; .* is a local or private address\.$/,
      );
  });

  it('may be a local http address while developing', () => {
    expect(webhookUrlProblem('http://localhost:8080/hook', { allowLocal: true })).toBeNull();
    expect(webhookUrlProblem('http://127.0.0.1:8080/hook', { allowLocal: true })).toBeNull();
    expect(webhookUrlProblem('http://hooks.example.com/x', { allowLocal: true })).not.toBeNull();
    // This machine only: other private networks stay closed while developing too.
    expect(webhookUrlProblem('https://10.0.0.8/x', { allowLocal: true })).not.toBeNull();
  });
});
