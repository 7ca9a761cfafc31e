// The WordPress plugin in a real WordPress (Debian's package, PHP, MariaDB): installed from its
// zip through wp-admin, activated, configured through its settings form, and its pages checked
// against the running API: a signed-in customer's token is accepted, a visitor gets none, and a
// forged one is refused. WooCommerce is replaced by a stand-in of its documented functions.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createTenant } from '@replyline/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from '../env';
import {
  launchChromium,
  openWidget,
  screenshot,
  startApi,
  startSharedDatabase,
  type RunningApi,
  type SharedDatabase,
} from '../harness';
import {
  inputValue,
  missingForWordPress,
  startMariaDb,
  startWordPress,
  WordPressClient,
  type Service,
  type WordPressSite,
} from './site';

const run = promisify(execFile);
const pluginDir = fileURLToPath(new URL('../../../../integrations/wordpress/', import.meta.url));
const ADMIN = { user: 'owner', password: 'owner-password-1', email: 'owner@shop.example' };
const VIP = {
  user: 'kari',
  password: 'kari-password-1',
  email: 'Kari@Shop.example',
  name: 'Kari Nordmann',
};

/** The workspace's greetings by customer type (the stand-in gives Kari 6 orders: VIP). */
const GREETINGS = {
  new: 'Welcome!',
  returning: 'Welcome back!',
  vip: 'Welcome back, VIP!',
  vipMinOrders: 5,
};

const missing = await missingForWordPress();
if (missing.length > 0)
  console.warn(
    `[e2e] SKIPPED the WordPress plugin test: missing ${missing.join(', ')} (.ci/install-system.sh installs them).`,
  );

function phpFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'dist' ? [] : phpFiles(path);
    return name.endsWith('.php') ? [path] : [];
  });
}

/** The token the page hands the widget, if any. */
function identityTokenIn(html: string): string | null {
  return html.match(/Replyline\('identify', \{"token":"([\w.-]+)"\}\)/)?.[1] ?? null;
}

interface IdentityClaims {
  sub: string;
  email?: string;
  name?: string;
  context: { page: string; orderIds?: string[]; cart?: unknown };
  iat: number;
  exp: number;
}

function claimsOf(token: string): IdentityClaims {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8'));
}

describe.runIf(missing.length === 0)('the WordPress plugin in a real WordPress', () => {
  let dir: string;
  let database: SharedDatabase;
  let api: RunningApi;
  let mariadb: Service & { socket: string };
  let site: WordPressSite;
  let admin: WordPressClient;
  let tenant: Awaited<ReturnType<typeof createTenant>>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'replyline-wp-'));
    // Each is kept as soon as it runs, so afterAll stops it even when another failed to start.
    await Promise.all([
      startSharedDatabase().then((started) => (database = started)),
      startMariaDb(dir).then((started) => (mariadb = started)),
    ]);
    await Promise.all([
      startApi({ databaseUrl: database.url }).then((started) => (api = started)),
      startWordPress({
        dir,
        dbSocket: mariadb.socket,
        admin: ADMIN,
        muPlugins: {
          'woocommerce-stand-in.php': readFileSync(
            new URL('./woocommerce-stand-in.php', import.meta.url),
            'utf8',
          ),
        },
      }).then((started) => (site = started)),
    ]);
    tenant = await createTenant(database.db, {
      name: 'Fjord Outdoor',
      slug: `fjord-wp-${Date.now()}`,
      allowedOrigins: [site.origin],
      branding: { customerGreetings: GREETINGS },
    });
    admin = new WordPressClient(site.origin);
    await admin.logIn(ADMIN.user, ADMIN.password);
  }, 300_000);

  afterAll(async () => {
    await site?.stop();
    await mariadb?.stop();
    await api?.stop();
    await database?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('every PHP file of the plugin passes php -l', async () => {
    const files = phpFiles(pluginDir);
    expect(files.length).toBeGreaterThanOrEqual(7);
    const results = await Promise.all(files.map((file) => run('php', ['-l', file])));
    for (const { stdout } of results) expect(stdout).toContain('No syntax errors');
  });

  it('installs from its zip through wp-admin, activates, and saves its settings with a real nonce', async () => {
    const zip = join(dir, 'replyline.zip');
    await run(process.execPath, [join(pluginDir, 'build-zip.mjs'), zip]);
    const uploadPage = await admin.html('/wp-admin/plugin-install.php?tab=upload');
    const upload = new FormData();
    upload.set('_wpnonce', inputValue(uploadPage, '_wpnonce'));
    upload.set('_wp_http_referer', '/wp-admin/plugin-install.php?tab=upload');
    upload.set('install-plugin-submit', 'Install Now');
    upload.set(
      'pluginzip',
      new Blob([readFileSync(zip)], { type: 'application/zip' }),
      'replyline.zip',
    );
    const installed = await admin.request('/wp-admin/update.php?action=upload-plugin', {
      method: 'POST',
      body: upload,
    });
    const installedHtml = await installed.text();
    expect(installedHtml).toContain('Plugin installed successfully.');
    const activate = installedHtml
      .match(/href="([^"]*plugins\.php\?action=activate[^"]*)"/)?.[1]
      ?.replace(/&amp;/g, '&');
    expect(activate).toContain('plugin=replyline%2Freplyline.php');
    const activated = await admin.request(new URL(activate!, `${site.origin}/wp-admin/`).href);
    expect(activated.headers.get('location')).toContain('activate=true');

    // The settings form, as the owner fills it in.
    const form = await admin.html('/wp-admin/options-general.php?page=replyline');
    expect(form).toContain('Status: not set');
    const save = async (fields: Record<string, string>) =>
      admin.submit('/wp-admin/options.php', {
        option_page: 'replyline',
        action: 'update',
        _wpnonce: inputValue(form, '_wpnonce'),
        _wp_http_referer: inputValue(form, '_wp_http_referer'),
        replyline_api_url: api.origin,
        replyline_publishable_key: tenant.publishableKey,
        replyline_identity_secret: '',
        replyline_placement: 'all',
        replyline_chosen_pages: '',
        ...fields,
      });
    expect(await save({ replyline_identity_secret: tenant.identitySecret })).toContain(
      'settings-updated=true',
    );
    const saved = await admin.html('/wp-admin/options-general.php?page=replyline');
    expect(saved).toContain('Status: set');
    expect(saved).toContain(`value="${tenant.publishableKey}"`);
    expect(saved).not.toContain(tenant.identitySecret);

    // An empty secret field keeps the stored secret; a bad URL is refused and the old one kept.
    const afterBad = await admin.html(await save({ replyline_api_url: 'not a web address' }));
    expect(afterBad).toContain('The API URL must be a web address');
    expect(afterBad).toContain(`value="${api.origin}"`);
    expect(afterBad).toContain('Status: set');

    // Without the form's nonce WordPress refuses the change.
    const forged = await admin.request('/wp-admin/options.php', {
      method: 'POST',
      body: new URLSearchParams({
        option_page: 'replyline',
        action: 'update',
        _wpnonce: 'forged',
        replyline_api_url: 'https://attacker.example',
      }),
    });
    expect(forged.status).toBe(403);
    expect(await admin.html('/wp-admin/options-general.php?page=replyline')).toContain(
      `value="${api.origin}"`,
    );

    // A customer account, created as the owner would in Users > Add New.
    const newUser = await admin.html('/wp-admin/user-new.php');
    const created = await admin.submit('/wp-admin/user-new.php', {
      action: 'createuser',
      '_wpnonce_create-user': inputValue(newUser, '_wpnonce_create-user'),
      user_login: VIP.user,
      email: VIP.email,
      first_name: 'Kari',
      last_name: 'Nordmann',
      pass1: VIP.password,
      pass2: VIP.password,
      pw_weak: 'on',
      role: 'subscriber',
    });
    expect(created).toContain('users.php');
  });

  it("a signed-in customer's page carries a token the API accepts, with their cart and orders", async () => {
    const customer = new WordPressClient(site.origin);
    await customer.logIn(VIP.user, VIP.password);
    const html = await customer.html('/');
    expect(html).toMatch(
      new RegExp(
        `<script[^>]*data-key="${tenant.publishableKey}" async src=['"]${api.origin}/widget\\.js['"]`,
      ),
    );
    const token = identityTokenIn(html);
    expect(token).not.toBeNull();
    const claims = claimsOf(token!);
    expect(claims.exp - claims.iat).toBe(3600);
    expect(claims).toMatchObject({
      email: VIP.email,
      context: {
        orderIds: ['1107', '1096', '1080', '1051', '1032', '1004'],
        cart: {
          items: [
            { name: 'Wool socks', quantity: 2 },
            { name: 'Two-person tent "Fjell"', quantity: 1 },
          ],
          count: 3,
          total: '3097',
        },
      },
    });
    expect(claims.context.page).toContain(site.origin);

    const started = await startChat({ token: token! });
    expect(started.status).toBe(200);
    const session = (await started.json()) as { identified: boolean; greeting?: string };
    expect(session.identified).toBe(true);
    expect(session.greeting).toBe(GREETINGS.vip);
  });

  it("a visitor's page has the loader but no identity, and a forged token is refused", async () => {
    const visitor = new WordPressClient(site.origin);
    const html = await visitor.html('/');
    expect(html).toContain(`${api.origin}/widget.js`);
    expect(identityTokenIn(html)).toBeNull();
    expect(html).not.toContain("Replyline('identify'");

    // A visitor who edits a customer's token (another user id) keeps the old signature.
    const customer = new WordPressClient(site.origin);
    await customer.logIn(VIP.user, VIP.password);
    const token = identityTokenIn(await customer.html('/'))!;
    const [header, , signature] = token.split('.');
    const edited = Buffer.from(JSON.stringify({ ...claimsOf(token), sub: '1' })).toString(
      'base64url',
    );
    const refused = await startChat({ token: `${header}.${edited}.${signature}` });
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe(
      'invalid_identity',
    );
  });

  it.runIf(hasChromium)(
    'in Chromium, the signed-in customer’s chat opens on the WordPress page with the VIP greeting',
    async () => {
      const customer = new WordPressClient(site.origin);
      await customer.logIn(VIP.user, VIP.password);
      const browser = await launchChromium();
      try {
        const context = await browser.newContext();
        await context.addCookies(customer.browserCookies());
        const page = await context.newPage();
        await page.goto(`${site.origin}/`);
        const frame = await openWidget(page);
        await frame.locator('.greeting', { hasText: GREETINGS.vip }).waitFor();
        await screenshot(page, 'wordpress-signed-in-customer');
      } finally {
        await browser.close();
      }
    },
  );

  it('deleting the plugin in wp-admin runs its uninstall: its settings and the secret are gone', async () => {
    const storedOptions = async () => {
      const query = "select option_name from wp_options where option_name like 'replyline%'";
      const { stdout } = await run('mariadb', [
        `--socket=${mariadb.socket}`,
        '-uroot',
        '--skip-column-names',
        'wordpress',
        '-e',
        query,
      ]);
      return stdout.split('\n').filter(Boolean).sort();
    };
    expect(await storedOptions()).toContain('replyline_identity_secret');
    /** The Plugins screen's link for an action on this plugin (its nonce included). */
    const linkTo = async (action: string) => {
      const html = await admin.html('/wp-admin/plugins.php');
      const href = html.match(
        new RegExp(
          `href="(plugins\\.php\\?action=${action}[^"]*replyline%2Freplyline\\.php[^"]*)"`,
        ),
      )?.[1];
      expect(href, `a ${action} link`).toBeDefined();
      return `/wp-admin/${href!.replace(/&amp;/g, '&')}`;
    };
    await admin.request(await linkTo('deactivate'));
    const deletePage = await linkTo('delete-selected');
    const confirm = await admin.html(deletePage);
    // WordPress found uninstall.php: it asks to delete "files and data".
    expect(confirm).toContain('Yes, delete these files and data');
    const deleted = await admin.submit(deletePage, {
      'verify-delete': '1',
      action: 'delete-selected',
      'checked[]': 'replyline/replyline.php',
      _wpnonce: inputValue(confirm, '_wpnonce'),
      _wp_http_referer: inputValue(confirm, '_wp_http_referer'),
    });
    expect(deleted).toContain('deleted=');
    expect(await storedOptions()).toEqual([]);
  });

  async function startChat(identity: { token: string }) {
    return fetch(`${api.origin}/v1/conversations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: site.origin },
      body: JSON.stringify({
        key: tenant.publishableKey,
        visitorId: `wp-visitor-${Date.now()}`,
        identity,
      }),
    });
  }
});
