import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readConfig } from './config';
import { fakeApi } from './fake-api';

function page(config: unknown): void {
  document.body.innerHTML = '<div id="app"></div>';
  if (config === undefined) return;
  const script = document.createElement('script');
  script.id = 'replyline-config';
  script.type = 'application/json';
  script.textContent = typeof config === 'string' ? config : JSON.stringify(config);
  document.body.appendChild(script);
}

const CONFIG = {
  key: 'pk_test_1',
  hostOrigin: 'https://shop.example.test',
  pageLanguage: 'nb',
  tenant: {
    name: 'Northwind',
    language: 'english',
    assistantName: 'Maja',
    branding: { primaryColor: '#0f766e', greeting: 'Hei!', suggestedQuestions: ['A?', 7, ''] },
  },
};

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('readConfig', () => {
  it('reads the embedded JSON and drops junk', () => {
    page(CONFIG);
    const config = readConfig(document);
    expect(config.key).toBe('pk_test_1');
    expect(config.pageLanguage).toBe('nb');
    expect(config.tenant.branding.suggestedQuestions).toEqual(['A?']);
    expect(config.tenant.branding.position).toBe('bottom-right');
  });

  it('throws without a config, with broken JSON, or without key or host origin', () => {
    page(undefined);
    expect(() => readConfig(document)).toThrow();
    page('{not json');
    expect(() => readConfig(document)).toThrow();
    page({ ...CONFIG, hostOrigin: '' });
    expect(() => readConfig(document)).toThrow();
  });
});

describe('the built bundle (dist/frame.js)', () => {
  async function bundle(): Promise<string> {
    const esbuild = await import('esbuild');
    const { frameOptions } = await import('../../scripts/build.mjs');
    const result = await esbuild.build({ ...frameOptions, write: false });
    return result.outputFiles.find((file) => file.path.endsWith('frame.js'))!.text;
  }

  it('is one IIFE with nothing the frame CSP or our rules forbid', async () => {
    const code = await bundle();
    expect(code).not.toMatch(/\bexport\b|\bimport\b|sourceMappingURL/);
    expect(code).not.toMatch(/\beval\(|new Function|innerHTML|insertAdjacentHTML|document\.write/);
  });

  it('starts the chat when run on the frame page, in the page language', async () => {
    const api = fakeApi();
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    page(CONFIG);
    new Function(await bundle())();
    expect(document.querySelector('textarea[aria-label="Melding"]')).not.toBeNull();
    await vi.waitFor(() => expect(api.requests(/^\/v1\/conversations$/)).toHaveLength(1));
  });

  it('shows a polite notice instead of a blank panel when the config is broken', async () => {
    page('{not json');
    new Function(await bundle())();
    const notice = document.querySelector('#app [data-state="unavailable"]');
    expect(notice!.textContent).toBe('Chat is not available right now.');
  });
});
