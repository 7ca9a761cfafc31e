// `pnpm bench` (widget part): what the widget costs the customer's page. Chromium loads an
// empty page (the baseline) and the same page with the widget's script tag, in turns, and
// records a trace of each load. From the trace it takes the CPU time of the page's main thread
// from the navigation on (see main-thread-trace.ts), split into script, style and layout,
// paint and the rest. The cost is the difference of the medians, times 4: what a CPU four
// times slower (a mid-range phone) would spend. Budget: <= 60 ms.
//
// Why CPU time, unthrottled, times 4, and not wall time under Chromium's 4x CPU throttle: on a
// shared machine the wall time of a task also counts the time its thread waited for a core
// (the same page measured 243 ms and 801 ms on one machine an hour apart), and the throttle
// itself keeps the thread busy (thread CPU time of the empty page: 33 ms unthrottled, 253 ms
// at 4x), so neither says what the page ran. CPU time of the unthrottled thread does.
//
// The harness does the same on both pages and stays off the page's main thread as far as it
// can: it waits with one small expression over CDP (no Playwright locators, whose injected
// script would run in the page and be counted as the widget's).
//
// Then it opens the chat a few times and measures what opening costs the host's main thread,
// and whether the chat frame runs in a renderer process of its own.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { createRequire, SourceMap } from 'node:module';
import { join } from 'node:path';
import { findTenantByPublishableKey, schema } from '@replyline/db';
import { eq } from 'drizzle-orm';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { launchChromium, startApi, startHostSite, startSharedDatabase } from '../harness';
import { startLoaderProxy, type LoaderProxy } from './loader-proxy';
import {
  mainThreadTime,
  PARTS,
  processOfFrame,
  profiledFunctions,
  type MainThreadTime,
  type ProfiledFunction,
  type TraceEvent,
} from './main-thread-trace';

/** `--runs N` for a quick look; the recorded figures use the default. */
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 15;
const OPEN_RUNS = Math.min(5, RUNS);
/** How much slower the device we budget for is than this machine's core. */
const SLOWDOWN = 4;
const BUDGET_MS = 60;
const DEMO_KEY = 'pk_demo_northwind';
const CATEGORIES = ['devtools.timeline', 'toplevel', '__metadata'];
/** After the widget is on screen (or at once on the empty page): time for late work to run. */
const SETTLE_MS = 500;
const OPEN_MARK = 'replyline-bench-open';
/**
 * `--profile DIR`: instead of the budget runs, `--runs` traced loads of each page with the V8
 * categories and its CPU profiler (which slow the page down: for where the time goes, not for
 * the figure), each trace written to DIR (open them in the DevTools performance panel), and a
 * summary: the trace events the widget adds, and the functions the sampler saw running.
 */
const profileArg = process.argv.indexOf('--profile');
const PROFILE_DIR = profileArg > 0 ? process.argv[profileArg + 1] : undefined;
/**
 * `--variant NAME=FILE` (repeatable): other builds of the loader, measured in the same run and
 * in turns with this build, so that the machine's load falls on all of them alike: the spread
 * between runs is larger than most single changes. Each build, this one too, is then served
 * from a local stand-in of the API origin (loader-proxy.ts), which also carries the config
 * request; the budget figure stays the one served by the API itself.
 */
const VARIANTS = process.argv.flatMap((arg, i) => {
  if (arg !== '--variant') return [];
  const [name, file] = String(process.argv[i + 1]).split('=');
  if (!name || !file) throw new Error('--variant takes NAME=FILE');
  return [{ name, file }];
});
const PROFILE_CATEGORIES = [
  ...CATEGORIES,
  'disabled-by-default-devtools.timeline',
  'v8',
  'disabled-by-default-v8.compile',
  'disabled-by-default-v8.cpu_profiler',
];

const database = await startSharedDatabase();
const api = await startApi({ databaseUrl: database.url });
const browser = await launchChromium();
/**
 * `--page-script`: both pages also run a small script of their own, as nearly every real page
 * does. A page without any script has never started JavaScript or its DOM bindings, so on it
 * the widget pays for that too.
 */
/**
 * `--returning`: each measured load is a visitor's second page view of the site (the same
 * browser context visited the page once before, untraced): the loader then finds the tenant's
 * config in the page's storage and the script in the HTTP cache. By default every load is a
 * first visit, the costlier case, and that is the budget figure.
 */
const RETURNING = process.argv.includes('--returning');
const PAGE_SCRIPT = process.argv.includes('--page-script')
  ? `<script>document.querySelector('h1').setAttribute('data-ready', '')</script>`
  : '';
const page = (body: string) =>
  `<!doctype html><html lang="en"><head><title>Shop</title></head><body><h1>Shop</h1>${PAGE_SCRIPT}${body}</body></html>`;
const empty = await startHostSite(page(''));
const withWidget = await startHostSite(
  page(`<script src="${api.origin}/widget.js" data-key="${DEMO_KEY}" async></script>`),
);
const loaderUrl = `${api.origin}/widget.js`;
/** This build and the `--variant` builds, each from its own stand-in API origin and page. */
const compared: { name: string; proxy: LoaderProxy; site: { origin: string; server: Server } }[] =
  [];
if (VARIANTS.length) {
  const thisBuild = createRequire(import.meta.url).resolve('@replyline/widget/dist/widget.js');
  for (const { name, file } of [{ name: 'this build', file: thisBuild }, ...VARIANTS]) {
    const proxy = await startLoaderProxy(api.origin, file);
    const site = await startHostSite(
      page(`<script src="${proxy.scriptUrl}" data-key="${DEMO_KEY}" async></script>`),
    );
    compared.push({ name, proxy, site });
  }
}
/** True once the page is done: the widget's launcher shows the tenant's text, or no widget. */
const DONE = `document.readyState === 'complete' && (!document.querySelector('script[data-key]') ||
  !!document.querySelector('replyline-widget')?.shadowRoot?.querySelector('.label:not([hidden])'))`;

try {
  const tenant = await findTenantByPublishableKey(database.db, DEMO_KEY);
  await database.db
    .update(schema.tenants)
    .set({
      allowedOrigins: [empty.origin, withWidget.origin, ...compared.map((c) => c.site.origin)],
    })
    .where(eq(schema.tenants.id, tenant!.id));

  if (PROFILE_DIR) await profile(PROFILE_DIR);
  else await measure();
} finally {
  await browser.close();
  empty.server.close();
  withWidget.server.close();
  for (const { proxy, site } of compared) {
    proxy.server.close();
    site.server.close();
  }
  await api.stop();
  await database.stop();
}

async function measure(): Promise<void> {
  const bare: MainThreadTime[] = [];
  const embedded: MainThreadTime[] = [];
  const builds = compared.map(() => [] as MainThreadTime[]);
  // In turns, so a burst of load on a shared machine falls on every page alike; the builds
  // compared take turns in a rotating order.
  for (let i = 0; i < RUNS; i++) {
    bare.push((await measureLoad(browser, empty.origin)).time);
    embedded.push((await measureLoad(browser, withWidget.origin)).time);
    for (let j = 0; j < compared.length; j++) {
      const k = (i + j) % compared.length;
      const { site, proxy } = compared[k]!;
      builds[k]!.push((await measureLoad(browser, site.origin, CATEGORIES, proxy.scriptUrl)).time);
    }
  }
  report(bare, embedded);
  if (compared.length) reportBuilds(bare, builds);

  const opens: { cpu: number; ownProcess: boolean }[] = [];
  for (let i = 0; i < OPEN_RUNS; i++) opens.push(await measureOpen(browser, withWidget.origin));
  const openCpu = median(opens.map((o) => o.cpu));
  console.log(
    `  opening the chat: host main thread ${(openCpu * SLOWDOWN).toFixed(1)} ms ` +
      `(${openCpu.toFixed(1)} ms CPU x ${SLOWDOWN}, median of ${OPEN_RUNS}); the chat frame ran in ` +
      (opens.every((o) => o.ownProcess)
        ? 'its own renderer process every time'
        : `the host's renderer process in ${opens.filter((o) => !o.ownProcess).length} of ${OPEN_RUNS}`),
  );
}

async function profile(dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const bare: MainThreadTime[] = [];
  const embedded: MainThreadTime[] = [];
  const functions: ProfiledFunction[][] = [];
  for (let i = 0; i < RUNS; i++) {
    for (const [name, url, into] of [
      ['empty', empty.origin, bare],
      ['widget', withWidget.origin, embedded],
    ] as const) {
      const { time, events } = await measureLoad(browser, url, PROFILE_CATEGORIES);
      writeFileSync(join(dir, `${name}-${i + 1}.json`), JSON.stringify({ traceEvents: events }));
      into.push(time);
      if (into === embedded) functions.push(profiledFunctions(events, url));
    }
  }
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  console.log(
    `Profiled loads (${RUNS} of each page, traces in ${dir}; CPU time, not x ${SLOWDOWN}, means; ` +
      'the profiler slows the page, so these say where the time goes, not how much it is):',
  );
  console.log(
    `  main thread: empty page ${mean(bare.map((t) => t.cpu)).toFixed(1)} ms, ` +
      `with the widget ${mean(embedded.map((t) => t.cpu)).toFixed(1)} ms`,
  );
  console.log('  trace events the widget adds (own CPU time, with the widget minus without):');
  const names = new Set([...bare, ...embedded].flatMap((t) => Object.keys(t.byName)));
  const added = [...names]
    .map((name) => ({
      name,
      ms:
        mean(embedded.map((t) => t.byName[name] ?? 0)) - mean(bare.map((t) => t.byName[name] ?? 0)),
    }))
    .sort((a, b) => Math.abs(b.ms) - Math.abs(a.ms));
  for (const { name, ms } of added.slice(0, 20))
    console.log(`    ${ms.toFixed(2).padStart(7)} ms  ${name}`);
  console.log('  functions sampled on the widget page (own time, (idle) left out):');
  const where = loaderSource();
  const total = new Map<string, { ms: number; label: string }>();
  for (const run of functions)
    for (const f of run) {
      if (f.name === '(idle)') continue;
      const label =
        f.url === loaderUrl ? `${where(f)} (loader)` : f.url ? `${f.name} ${f.url}` : f.name;
      const entry = total.get(label) ?? { ms: 0, label };
      entry.ms += f.ms / RUNS;
      total.set(label, entry);
    }
  for (const { ms, label } of [...total.values()].sort((a, b) => b.ms - a.ms).slice(0, 25))
    console.log(`    ${ms.toFixed(2).padStart(7)} ms  ${label}`);
}

/** Names a position in the minified loader by its source, through the build's source map. */
function loaderSource(): (f: ProfiledFunction) => string {
  let map: SourceMap | undefined;
  try {
    const bundle = createRequire(import.meta.url).resolve('@replyline/widget/dist/widget.js');
    map = new SourceMap(JSON.parse(readFileSync(`${bundle}.map`, 'utf8')));
  } catch {
    // No map next to the bundle: positions in the minified file then.
  }
  return (f) => {
    const entry = map?.findEntry(f.line, f.column) as
      { originalSource?: string; originalLine?: number; name?: string } | undefined;
    if (!entry?.originalSource) return `${f.name} widget.js:${f.line + 1}:${f.column + 1}`;
    const source = entry.originalSource.replace(/^.*\/src\//, 'src/');
    return `${entry.name ?? f.name} ${source}:${(entry.originalLine ?? 0) + 1}`;
  };
}

/** The widget's share with each compared build, against the same empty pages. */
function reportBuilds(bare: MainThreadTime[], builds: MainThreadTime[][]): void {
  const at = (cpu: number) => `${(cpu * SLOWDOWN).toFixed(1)} ms`;
  const share = (runs: MainThreadTime[], pick: (r: MainThreadTime) => number) =>
    median(runs.map(pick)) - median(bare.map(pick));
  console.log(
    `Builds of the loader compared (each from a stand-in API origin, ${RUNS} loads each, in turns; the widget's share, medians, CPU time x ${SLOWDOWN}):`,
  );
  compared.forEach(({ name }, k) => {
    const runs = builds[k]!;
    const parts = PARTS.map((p) => `${p} ${at(share(runs, (r) => r.parts[p]))}`).join(', ');
    const loader = at(median(runs.map((r) => r.scriptOf)));
    console.log(
      `  ${name}: ${at(share(runs, (r) => r.cpu))} (${parts}; the loader's own script ${loader})`,
    );
  });
}

function report(bare: MainThreadTime[], embedded: MainThreadTime[]): void {
  const at = (cpu: number) => `${(cpu * SLOWDOWN).toFixed(1)} ms`;
  const cpuOf = (runs: MainThreadTime[]) => median(runs.map((r) => r.cpu));
  const cost = cpuOf(embedded) - cpuOf(bare);
  console.log(
    `Widget: main-thread time it adds to a page (Chromium, main-thread CPU time x ${SLOWDOWN}, median of ${RUNS} loads each${RETURNING ? ", each a returning visitor's second page view" : ', each a first visit'})`,
  );
  for (const [name, runs] of [
    [
      PAGE_SCRIPT ? 'page with a script of its own (the baseline)' : 'empty page (the baseline)',
      bare,
    ],
    ['with the widget', embedded],
  ] as const) {
    const parts = PARTS.map((p) => `${p} ${at(median(runs.map((r) => r.parts[p])))}`).join(', ');
    console.log(
      `  ${name}: ${at(cpuOf(runs))} (${parts}; wall time ${median(runs.map((r) => r.wall)).toFixed(1)} ms)`,
    );
  }
  const partCost = PARTS.map(
    (p) =>
      `${p} ${at(median(embedded.map((r) => r.parts[p])) - median(bare.map((r) => r.parts[p])))}`,
  ).join(', ');
  console.log(`  the widget's share: ${partCost}`);
  console.log(
    `  of which the loader's own script (top level and callbacks): ${at(median(embedded.map((r) => r.scriptOf)))}`,
  );
  const beforeLoad = (runs: MainThreadTime[]) => median(runs.map((r) => r.beforeLoad));
  console.log(
    `  before the page's load event: the baseline ${at(beforeLoad(bare))}, with the widget ${at(beforeLoad(embedded))} (what holds the page's own loading up)`,
  );
  console.log(
    `  cost: ${at(cost)} (budget <= ${BUDGET_MS} ms) -> ${cost * SLOWDOWN <= BUDGET_MS ? 'met' : 'NOT met'}`,
  );
  // The line `pnpm bench` collects into its summary.
  console.log(
    `[budget] host-page cost${RETURNING ? " (returning visitor's next page)" : ''}: ${(cost * SLOWDOWN).toFixed(1)} ms (budget ${BUDGET_MS} ms) ` +
      `${cost * SLOWDOWN <= BUDGET_MS ? 'ok' : 'NOT MET'}; baseline ${at(cpuOf(bare))}`,
  );
}

async function newPage(browser: Browser): Promise<{ page: Page; cdp: CDPSession }> {
  const page = await browser.newPage();
  return { page, cdp: await page.context().newCDPSession(page) };
}

/** Main-thread time of one load of `url`, from its navigation until it settled. */
async function measureLoad(
  browser: Browser,
  url: string,
  categories = CATEGORIES,
  scriptUrl = loaderUrl,
): Promise<{ time: MainThreadTime; events: TraceEvent[] }> {
  const { page, cdp } = await newPage(browser);
  if (RETURNING) {
    await page.goto(url, { waitUntil: 'load' });
    await waitFor(cdp, DONE);
    await page.goto('about:blank');
  }
  await browser.startTracing(page, { categories });
  await page.goto(url, { waitUntil: 'load' });
  await waitFor(cdp, DONE);
  await page.waitForTimeout(SETTLE_MS);
  const events = parseTrace(await browser.stopTracing());
  await page.close();
  return { time: mainThreadTime(events, url, { scriptUrl }), events };
}

/** Host main-thread CPU time from a click on the launcher until the chat's composer shows. */
async function measureOpen(
  browser: Browser,
  url: string,
): Promise<{ cpu: number; ownProcess: boolean }> {
  const { page, cdp } = await newPage(browser);
  await browser.startTracing(page, { categories: CATEGORIES });
  await page.goto(url, { waitUntil: 'load' });
  await waitFor(cdp, DONE);
  await page.waitForTimeout(SETTLE_MS);
  await waitFor(
    cdp,
    `console.timeStamp('${OPEN_MARK}'), document.querySelector('replyline-widget').shadowRoot.querySelector('button.launcher').click(), true`,
  );
  const frame = await waitForChatFrame(page);
  while (!(await frame.evaluate(() => !!document.querySelector('textarea'))))
    await page.waitForTimeout(100);
  await page.waitForTimeout(SETTLE_MS);
  const events = parseTrace(await browser.stopTracing());
  await page.close();
  const host = mainThreadTime(events, url, { sinceMark: OPEN_MARK });
  const hostPid = processOfFrame(events, url);
  const framePid = processOfFrame(events, `${api.origin}/widget/frame`);
  return { cpu: host.cpu, ownProcess: framePid !== undefined && framePid !== hostPid };
}

async function waitForChatFrame(page: Page) {
  for (let i = 0; i < 300; i++) {
    const frame = page.frames().find((f) => f.url().includes('/widget/frame'));
    if (frame) return frame;
    await page.waitForTimeout(100);
  }
  throw new Error('the chat frame did not load');
}

/** Polls an expression in the page over CDP: one small evaluation, no injected script. */
async function waitFor(cdp: CDPSession, expression: string, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const { result } = (await cdp.send('Runtime.evaluate', {
      expression,
      returnByValue: true,
    })) as {
      result: { value?: unknown };
    };
    if (result.value) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${expression}`);
}

function parseTrace(buffer: Buffer): TraceEvent[] {
  const trace = JSON.parse(buffer.toString('utf8')) as TraceEvent[] | { traceEvents: TraceEvent[] };
  return Array.isArray(trace) ? trace : trace.traceEvents;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
