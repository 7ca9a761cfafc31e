import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, schema, startEmbeddedServer, type Database } from '@replyline/db';
import { and, desc, eq } from 'drizzle-orm';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Frame,
  type Page,
} from 'playwright-core';
import { childProcessEnv, chromiumPath } from './env';
import { workspacePackageDir } from './workspace-package';

const apiAppDir = workspacePackageDir('@replyline/api-server');
export const dbPackageDir = workspacePackageDir('@replyline/db');

/** Runs a TypeScript entry point of the repo in its own process and waits for it to finish. */
export function runScript(cwd: string, entry: string, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', entry], {
      cwd,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += String(chunk)));
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${entry} failed (${code}):\n${stderr}`)),
    );
  });
}

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Chromium as this machine can run it: headless, and no calls home over the closed network.
 * Its contexts are like private windows: third-party storage is blocked, so the chat frame
 * cannot remember a visitor across page loads there.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
}

/**
 * Chromium with an ordinary profile, as most visitors have it: third-party storage allowed
 * (partitioned per top-level site), so the chat frame's own storage survives a reload.
 */
export async function launchRegularProfile(): Promise<{
  context: BrowserContext;
  close(): Promise<void>;
}> {
  const profile = mkdtempSync(join(tmpdir(), 'replyline-profile-'));
  mkdirSync(join(profile, 'Default'));
  writeFileSync(
    join(profile, 'Default', 'Preferences'),
    JSON.stringify({ profile: { cookie_controls_mode: 0, block_third_party_cookies: false } }),
  );
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    args: CHROMIUM_ARGS,
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

export interface RunningApi {
  origin: string;
  logs: string[];
  stop(): Promise<void>;
  /** The process itself, for tests that kill it without a goodbye (failure drills). */
  child?: ChildProcess;
}

export interface SharedDatabase {
  /** What the API processes connect with. */
  url: string;
  /** A connection for the test itself (arranging tenants, writing as an agent). */
  db: Database;
  stop(): Promise<void>;
}

/**
 * One database for several processes: the Postgres server of DATABASE_URL (migrated and
 * seeded here, as a deploy would), otherwise the embedded database server that `pnpm dev` runs.
 */
export async function startSharedDatabase(): Promise<SharedDatabase> {
  const env = childProcessEnv({});
  let url = env.DATABASE_URL;
  let stopServer = async () => undefined as void;
  if (url) await runScript(dbPackageDir, 'src/scripts/seed.ts', env);
  else {
    const embedded = await startEmbeddedServer({ dataDir: 'memory', port: await freePort() });
    url = embedded.url;
    stopServer = embedded.stop;
  }
  const handle = await openDatabase({ kind: 'postgres', url, maxConnections: 4 });
  return {
    url,
    db: handle.db,
    stop: async () => {
      await handle.close();
      await stopServer();
    },
  };
}

/**
 * Starts the real API process, as `pnpm start` would: on the given shared database, else on
 * the Postgres server when DATABASE_URL is set, otherwise on its own embedded database in a
 * temporary folder.
 */
export async function startApi(
  options: { databaseUrl?: string; env?: Record<string, string> } = {},
): Promise<RunningApi> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'replyline-e2e-'));
  const env = childProcessEnv({
    PORT: String(port),
    HOST: '127.0.0.1',
    PGLITE_DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
    ...options.env,
  });
  // On a server the API expects a migrated, seeded database, as after `pnpm db:seed` in a deploy.
  if (env.DATABASE_URL && !options.databaseUrl)
    await runScript(dbPackageDir, 'src/scripts/seed.ts', env);
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: apiAppDir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: string[] = [];
  const origin = `http://127.0.0.1:${port}`;
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      logs.push(String(chunk));
      if (String(chunk).includes('API listening')) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => logs.push(String(chunk)));
    child.on('exit', (code) => reject(new Error(`API exited early (${code}):\n${logs.join('')}`)));
  });
  return {
    origin,
    logs,
    child,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await new Promise((resolve) => child.once('exit', resolve));
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const dashboardAppDir = workspacePackageDir('@replyline/dashboard');
const marketingAppDir = workspacePackageDir('@replyline/marketing');

/**
 * Starts the built dashboard (`next start`, production mode) on the shared database. It needs
 * a production build, which the test pipeline makes first (turbo.json: `@replyline/e2e#test`
 * depends on the dashboard's build); sign-in links are read from the email outbox table.
 */
export async function startDashboard(options: {
  databaseUrl: string;
  apiOrigin: string;
  env?: Record<string, string>;
}): Promise<RunningApi> {
  const port = await freePort();
  const origin = `http://localhost:${port}`;
  return startNextApp('dashboard', dashboardAppDir, ['start', '--port', String(port)], {
    origin,
    readyPath: '/api/health',
    env: {
      DATABASE_URL: options.databaseUrl,
      DASHBOARD_URL: origin,
      AUTH_URL: origin,
      API_URL: options.apiOrigin,
      ...options.env,
    },
  });
}

/**
 * Starts the marketing site with `next dev`: its widget address and sign-up links are public
 * build-time settings, so a production build would carry the ones it was built with, not
 * this run's random ports.
 */
export async function startMarketing(options: {
  apiOrigin: string;
  dashboardOrigin: string;
}): Promise<RunningApi> {
  const port = await freePort();
  return startNextApp('marketing', marketingAppDir, ['dev', '--port', String(port)], {
    origin: `http://localhost:${port}`,
    readyPath: '/',
    readyTimeoutMs: 180_000,
    env: {
      NEXT_PUBLIC_WIDGET_API_URL: options.apiOrigin,
      NEXT_PUBLIC_DASHBOARD_URL: options.dashboardOrigin,
      NEXT_PUBLIC_DEMO_WIDGET_KEY: 'pk_demo_northwind',
      NODE_ENV: 'development',
    },
  });
}

/** Runs `next <args>` in an app's folder and waits until `readyPath` answers. */
async function startNextApp(
  name: string,
  appDir: string,
  args: string[],
  options: {
    origin: string;
    readyPath: string;
    readyTimeoutMs?: number;
    env: Record<string, string>;
  },
): Promise<RunningApi> {
  const next = join(appDir, 'node_modules', '.bin', 'next');
  const child = spawn(next, [...args, '--hostname', 'localhost'], {
    cwd: appDir,
    env: childProcessEnv({ NEXT_TELEMETRY_DISABLED: '1', ...options.env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => logs.push(String(chunk)));
  child.stderr?.on('data', (chunk: Buffer) => logs.push(String(chunk)));
  const exited = new Promise<never>((_, reject) =>
    child.on('exit', (code) => reject(new Error(`${name} exited (${code}):\n${logs.join('')}`))),
  );
  await Promise.race([
    waitForHealth(`${options.origin}${options.readyPath}`, options.readyTimeoutMs),
    exited,
  ]);
  return {
    origin: options.origin,
    logs,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

/** The newest sign-in link sent to `to`, read from the email outbox table. */
export async function magicLinkFor(db: Database, to: string): Promise<string> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const [row] = await db
      .select({ text: schema.outboundEmails.text })
      .from(schema.outboundEmails)
      .where(
        and(eq(schema.outboundEmails.to, to), eq(schema.outboundEmails.template, 'magic-link')),
      )
      .orderBy(desc(schema.outboundEmails.createdAt))
      .limit(1);
    const link = row?.text.match(/https?:\/\/\S+\/api\/auth\/callback\/\S+/)?.[0];
    if (link) return link;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no sign-in email for ${to}`);
}

async function waitForHealth(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

/** A stand-in for a customer's website, on its own origin, serving one HTML page. */
export async function startHostSite(
  html: string | (() => string),
): Promise<{ origin: string; server: Server }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(typeof html === 'function' ? html() : html);
  });
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  return { origin: `http://localhost:${(server.address() as AddressInfo).port}`, server };
}

/** Opens the widget on a page (its launcher) and returns the chat frame, ready to type in. */
export async function openWidget(page: Page, timeout?: number): Promise<Frame> {
  await page.locator('replyline-widget button[aria-label^="Open chat"]').click({ timeout });
  const handle = await page.locator('replyline-widget iframe[title="Chat"]').elementHandle();
  const frame = (await handle!.contentFrame())!;
  await frame.locator('textarea[aria-label="Message"]').waitFor();
  return frame;
}

/** A full-page screenshot kept as a test artifact. */
export function screenshot(page: Page, name: string) {
  return page.screenshot({ path: `test-results/${name}.png`, fullPage: true });
}

/** The shared database with the API and the built dashboard on it, as the dashboard tests need. */
export interface DashboardStack {
  database: SharedDatabase;
  api: RunningApi;
  dashboard: RunningApi;
  /** Stops the dashboard, then the API, then the database. */
  stop(): Promise<void>;
}

/**
 * Starts the shared database, the API and the dashboard, with fresh secrets the two processes
 * share. If one part fails to start, the parts already running are stopped before it throws.
 */
export async function startDashboardStack(): Promise<DashboardStack> {
  const secrets = {
    ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    AUTH_SECRET: randomBytes(32).toString('base64'),
  };
  const running: { stop(): Promise<void> }[] = [];
  const stop = async () => {
    for (const part of running.reverse()) await part.stop();
  };
  try {
    const database = await startSharedDatabase();
    running.push(database);
    const api = await startApi({ databaseUrl: database.url, env: secrets });
    running.push(api);
    const dashboard = await startDashboard({
      databaseUrl: database.url,
      apiOrigin: api.origin,
      env: secrets,
    });
    running.push(dashboard);
    return { database, api, dashboard, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** On the dashboard's sign-in page: asks for a link for `email` and waits for "Check your email". */
export async function requestSignInLink(page: Page, email: string): Promise<void> {
  await page.locator('input[name=email]').fill(email);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await page.getByText('Check your email').first().waitFor();
}

/** Signs `email` in from the dashboard's sign-in page, following the link from the outbox. */
export async function signInWithMagicLink(
  page: Page,
  stack: Pick<DashboardStack, 'database' | 'dashboard'>,
  email: string,
): Promise<void> {
  await page.goto(`${stack.dashboard.origin}/sign-in`);
  await requestSignInLink(page, email);
  await page.goto(await magicLinkFor(stack.database.db, email));
}

/** Onboarding's first step: creates the workspace and waits for the branding step. */
export async function createWorkspaceInOnboarding(
  page: Page,
  workspace: { name: string; siteUrl: string },
): Promise<void> {
  await page.waitForURL(/\/onboarding/);
  await page.locator('[name=name]').fill(workspace.name);
  await page.locator('[name=siteUrl]').fill(workspace.siteUrl);
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await page.locator('[data-onboarding-step="branding"]').waitFor();
}
