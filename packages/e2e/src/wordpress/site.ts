// A real WordPress for the plugin's test: Debian's `wordpress` package served by `php -S`, on a
// MariaDB server of its own (private socket, temporary folder), installed and administered
// over HTTP as a site owner would do it.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { childProcessEnv } from '../env';
import { freePort } from '../harness';

const run = promisify(execFile);

const WORDPRESS_DIR = '/usr/share/wordpress';
const MARIADB_BIN = ['/usr/sbin/mariadbd', '/usr/sbin/mysqld'].find((path) => existsSync(path));

async function onPath(command: string): Promise<boolean> {
  return run('sh', ['-c', `command -v ${command}`]).then(
    () => true,
    () => false,
  );
}

/** What is missing for the WordPress test (empty when it can run). */
export async function missingForWordPress(): Promise<string[]> {
  const missing: string[] = [];
  if (!(await onPath('php'))) missing.push('php (php-cli)');
  if (!existsSync(`${WORDPRESS_DIR}/wp-settings.php`)) missing.push(`wordpress (${WORDPRESS_DIR})`);
  if (!MARIADB_BIN || !(await onPath('mariadb-install-db'))) missing.push('mariadb-server');
  if (missing.length === 0) {
    const { stdout } = await run('php', ['-m']);
    if (!/^mysqli$/m.test(stdout)) missing.push('php-mysql');
  }
  return missing;
}

export interface Service {
  stop(): Promise<void>;
}

/** Polls `check` until it passes; fails at once when the process it waits for has exited. */
async function waitFor(
  check: () => Promise<boolean>,
  what: string,
  timeoutMs = 30_000,
  child?: ChildProcess,
  logs: string[] = [],
) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null)
      throw new Error(`${what} exited (${child.exitCode}):\n${logs.join('')}`);
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what} did not start within ${timeoutMs / 1000} s:\n${logs.join('')}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** MariaDB on a unix socket only (no TCP port), with a `wordpress` database and user. */
export async function startMariaDb(dir: string): Promise<Service & { socket: string }> {
  const dataDir = join(dir, 'mysql');
  const socket = join(dir, 'mysql.sock');
  // --user=root: the server refuses to run as root otherwise (CI machines run tests as root).
  const asUser = process.getuid?.() === 0 ? ['--user=root'] : [];
  await run('mariadb-install-db', [
    '--no-defaults',
    `--datadir=${dataDir}`,
    '--auth-root-authentication-method=socket',
    '--skip-test-db',
    ...asUser,
  ]);
  const logs: string[] = [];
  const child = spawn(
    MARIADB_BIN!,
    [
      '--no-defaults',
      `--datadir=${dataDir}`,
      `--socket=${socket}`,
      `--pid-file=${join(dir, 'mysql.pid')}`,
      '--skip-networking',
      '--skip-log-bin',
      '--innodb-buffer-pool-size=32M',
      ...asUser,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stderr?.on('data', (chunk: Buffer) => logs.push(String(chunk)));
  const sql = (statement: string) =>
    run('mariadb', [`--socket=${socket}`, '-uroot', '-e', statement]);
  const stop = () => stopChild(child);
  try {
    // Slow on a busy machine: InnoDB creates its files at first start.
    await waitFor(async () => (await sql('select 1'), true), 'MariaDB', 120_000, child, logs);
    await sql(
      "create database wordpress; create user 'wordpress'@'localhost' identified by 'wordpress'; grant all on wordpress.* to 'wordpress'@'localhost';",
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { socket, stop };
}

export interface WordPressSite extends Service {
  origin: string;
  /** The site's own folders: plugins go into `${contentDir}/plugins`. */
  contentDir: string;
  logs: string[];
}

/**
 * Debian's WordPress in a folder of its own: its core files linked (or copied) beside a
 * wp-config.php of our own, since the packaged one reads a host's config from /etc. Served by
 * PHP's built-in server and installed through wp-admin/install.php.
 */
export async function startWordPress(options: {
  dir: string;
  dbSocket: string;
  muPlugins?: Record<string, string>;
  admin: { user: string; password: string; email: string };
}): Promise<WordPressSite> {
  const root = join(options.dir, 'wordpress');
  const contentDir = join(options.dir, 'wp-content');
  await copyWordPressCore(root);
  mkdirSync(join(contentDir, 'plugins'), { recursive: true });
  mkdirSync(join(contentDir, 'mu-plugins'), { recursive: true });
  mkdirSync(join(contentDir, 'uploads'), { recursive: true });
  cpSync(join(WORDPRESS_DIR, 'wp-content', 'themes'), join(contentDir, 'themes'), {
    recursive: true,
  });
  for (const [name, code] of Object.entries(options.muPlugins ?? {}))
    writeFileSync(join(contentDir, 'mu-plugins', name), code);
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  writeFileSync(join(root, 'wp-config.php'), wpConfig(origin, contentDir, options.dbSocket));

  const logs: string[] = [];
  // One process (no PHP_CLI_SERVER_WORKERS): the test asks one thing at a time, and workers
  // would outlive the server when it is stopped.
  const child = spawn('php', ['-S', `127.0.0.1:${port}`, '-t', root], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: childProcessEnv({}),
  });
  child.stdout?.on('data', (chunk: Buffer) => logs.push(String(chunk)));
  child.stderr?.on('data', (chunk: Buffer) => logs.push(String(chunk)));
  const stop = () => stopChild(child);
  try {
    const ready = async () => (await fetch(`${origin}/readme.html`)).ok;
    await waitFor(ready, 'php -S', 30_000, child, logs);
    await install(origin, options.admin);
  } catch (error) {
    await stop();
    throw error;
  }
  return { origin, contentDir, logs, stop };
}

/** Hard links when the temporary folder is on the same disk (instant), a copy otherwise. */
async function copyWordPressCore(root: string) {
  await run('cp', ['-al', WORDPRESS_DIR, root]).catch(async () => {
    rmSync(root, { recursive: true, force: true });
    await run('cp', ['-a', WORDPRESS_DIR, root]);
  });
  // Ours replaces the packaged config, which would read a host's config from /etc.
  rmSync(join(root, 'wp-config.php'));
  rmSync(join(root, 'wp-content'), { recursive: true, force: true });
}

function wpConfig(origin: string, contentDir: string, socket: string) {
  const php = (value: string) => `'${value.replace(/['\\]/g, '\\$&')}'`;
  return `<?php
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'wordpress' );
define( 'DB_PASSWORD', 'wordpress' );
define( 'DB_HOST', ${php(`localhost:${socket}`)} );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'WP_HOME', ${php(origin)} );
define( 'WP_SITEURL', ${php(origin)} );
define( 'WP_CONTENT_DIR', ${php(contentDir)} );
define( 'WP_CONTENT_URL', ${php(`${origin}/wp-content`)} );
define( 'FS_METHOD', 'direct' );
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
define( 'DISABLE_WP_CRON', true );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'WP_DEBUG', true );
define( 'WP_DEBUG_DISPLAY', false );
define( 'WP_DEBUG_LOG', ${php(join(contentDir, 'debug.log'))} );
${['AUTH', 'SECURE_AUTH', 'LOGGED_IN', 'NONCE']
  .flatMap((k) => [`${k}_KEY`, `${k}_SALT`])
  .map((name) => `define( '${name}', '${Math.random().toString(36).slice(2)}${name}' );`)
  .join('\n')}
$table_prefix = 'wp_';
define( 'ABSPATH', __DIR__ . '/' );
require_once ABSPATH . 'wp-settings.php';
`;
}

async function install(origin: string, admin: { user: string; password: string; email: string }) {
  const form = new URLSearchParams({
    weblog_title: 'Fjord Outdoor',
    user_name: admin.user,
    admin_password: admin.password,
    admin_password2: admin.password,
    pw_weak: 'on',
    admin_email: admin.email,
    blog_public: '0',
    language: '',
  });
  const response = await fetch(`${origin}/wp-admin/install.php?step=2`, {
    method: 'POST',
    body: form,
  });
  const html = await response.text();
  if (!response.ok || !html.includes('Success!'))
    throw new Error(`WordPress did not install (${response.status}):\n${html.slice(0, 2000)}`);
}

/** A browser-like client: keeps WordPress's cookies, follows no redirects by itself. */
export class WordPressClient {
  private cookies = new Map<string, string>([['wordpress_test_cookie', 'WP Cookie check']]);

  constructor(readonly origin: string) {}

  /** The session cookies, for a browser that should be signed in as this client is. */
  browserCookies(): { name: string; value: string; url: string }[] {
    return [...this.cookies].map(([name, value]) => ({
      name,
      value: decodeURIComponent(value),
      url: this.origin,
    }));
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await fetch(new URL(path, this.origin), {
      ...init,
      headers,
      redirect: 'manual',
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const at = pair!.indexOf('=');
      const [name, value] = [pair!.slice(0, at), pair!.slice(at + 1)];
      if (/expires=Thu, 01-Jan-1970|Max-Age=0/i.test(cookie) || value === 'deleted')
        this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  /** A page's HTML, after the redirects WordPress answers with (canonical addresses). */
  async html(path: string): Promise<string> {
    let url = new URL(path, this.origin).href;
    for (let hops = 0; hops < 5; hops++) {
      const response = await this.request(url);
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        url = new URL(location, url).href;
        continue;
      }
      if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
      return response.text();
    }
    throw new Error(`${path} redirects too often`);
  }

  /** Posts a form; returns where WordPress redirected to (or throws with the page it showed). */
  async submit(path: string, fields: Record<string, string> | FormData): Promise<string> {
    const body = fields instanceof FormData ? fields : new URLSearchParams(fields);
    const response = await this.request(path, { method: 'POST', body });
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) return location;
    const text = await response.text();
    return `(no redirect: ${response.status}) ${text}`;
  }

  async logIn(user: string, password: string): Promise<void> {
    const to = await this.submit('/wp-login.php', {
      log: user,
      pwd: password,
      testcookie: '1',
      redirect_to: `${this.origin}/wp-admin/`,
    });
    if (!to.includes('/wp-admin/')) throw new Error(`login failed: ${to.slice(0, 1000)}`);
  }
}

/** The value of a hidden form input on a page (a nonce, the referer). */
export function inputValue(html: string, name: string): string {
  const tag = html.match(new RegExp(`<input[^>]*name=["']${name}["'][^>]*>`))?.[0];
  const value = tag?.match(/value=["']([^"']*)["']/)?.[1];
  if (value === undefined) throw new Error(`no input named ${name} on the page`);
  return value.replace(/&amp;/g, '&');
}
