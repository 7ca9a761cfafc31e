// `pnpm bench` (widget part): what the widget costs the customer's page. Chromium loads an
// empty page and the same page with the widget's script tag, with the CPU throttled 4x, and
// reads the main thread's busy time (CDP Performance.getMetrics: TaskDuration, less the time
// spent on the harness's own DevTools commands) once the launcher is on screen. The cost is the difference of the medians. Budget: <= 60 ms.
import { findTenantByPublishableKey, schema } from '@replyline/db';
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { launchChromium, startApi, startHostSite, startSharedDatabase } from '../harness';

const RUNS = 15;
const BUDGET_MS = 60;
const DEMO_KEY = 'pk_demo_northwind';

const database = await startSharedDatabase();
const api = await startApi({ databaseUrl: database.url });
const browser = await launchChromium();
const empty = await startHostSite(
  '<!doctype html><html lang="en"><head><title>Shop</title></head><body><h1>Shop</h1></body></html>',
);
const withWidget = await startHostSite(
  `<!doctype html><html lang="en"><head><title>Shop</title></head><body><h1>Shop</h1><script src="${api.origin}/widget.js" data-key="${DEMO_KEY}" async></script></body></html>`,
);
try {
  const tenant = await findTenantByPublishableKey(database.db, DEMO_KEY);
  await database.db
    .update(schema.tenants)
    .set({ allowedOrigins: [empty.origin, withWidget.origin] })
    .where(eq(schema.tenants.id, tenant!.id));

  const bare = await measure(browser, empty.origin, false);
  const embedded = await measure(browser, withWidget.origin, true);
  const cost = median(embedded) - median(bare);
  console.log('Widget: main-thread time it adds to a page (Chromium, CPU throttled 4x)');
  console.log(
    `  empty page: median ${median(bare).toFixed(1)} ms over ${RUNS} loads (the baseline)`,
  );
  console.log(`  with the widget: median ${median(embedded).toFixed(1)} ms`);
  console.log(
    `  cost: ${cost.toFixed(1)} ms (budget <= ${BUDGET_MS} ms) -> ${cost <= BUDGET_MS ? 'met' : 'NOT met'}`,
  );
} finally {
  await browser.close();
  empty.server.close();
  withWidget.server.close();
  await api.stop();
  await database.stop();
}

/** Main-thread task time of each load, in ms, measured after the page settled. */
async function measure(browser: Browser, url: string, waitForWidget: boolean): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const page = await browser.newPage();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await cdp.send('Performance.enable');
    await page.goto(url, { waitUntil: 'load' });
    if (waitForWidget) await page.locator('replyline-widget button').waitFor();
    await page.waitForTimeout(300); // let the launcher's branding request settle
    const { metrics } = (await cdp.send('Performance.getMetrics')) as {
      metrics: { name: string; value: number }[];
    };
    const metric = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
    // Commands of the test harness itself (CDP) run on the page's main thread too: not ours.
    times.push(metric('TaskDuration') - metric('DevToolsCommandDuration'));
    await page.close();
  }
  return times;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
