// `npm run bench -- scroll`: the frames Chromium paints while an officer scrolls a people list of
// 10,000 rows, read 100 at a time (the browser test checks the list works; this measures how
// smoothly). Builds the web app and starts the API as the browser tests do (apps/web/e2e).
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { repoRoot } from './lib/api-modules.ts';
import type { Figure } from './lib/report.ts';

type BrowserHelpers = {
  hasChromium: boolean;
  chromiumMissing: string;
  launchBrowser(): Promise<Browser>;
  openPage(browser: Browser, baseUrl: string): Promise<Page>;
  signIn(page: Page, username: string): Promise<void>;
};
type GlobalSetup = (project: { provide(key: string, value: string): void }) => Promise<() => Promise<void>>;

// the page's own, inside `evaluate` (the bench compiles without the DOM library)
declare function requestAnimationFrame(callback: (now: number) => void): number;

const e2e = path.join(repoRoot, 'apps/web/e2e');
const load = async <T>(file: string): Promise<T> =>
  import(pathToFileURL(path.join(e2e, file)).href) as Promise<T>;

export async function benchScroll({
  log,
}: {
  log: (line: string) => void;
}): Promise<{ figures: Figure[]; notes: string[] }> {
  const browserHelpers = await load<BrowserHelpers>('browser.ts');
  if (!browserHelpers.hasChromium)
    return { figures: [], notes: [`scroll: ${browserHelpers.chromiumMissing}`] };
  const setup = (await load<{ default: GlobalSetup }>('global-setup.ts')).default;
  let baseUrl = '';
  const teardown = await setup({ provide: (_key, value) => (baseUrl = value) });
  const browser = await browserHelpers.launchBrowser();
  try {
    const page = await browserHelpers.openPage(browser, baseUrl);
    await browserHelpers.signIn(page, 'officer');
    const total = 10_000;
    await page.route('**/graphql', async (route) => {
      const body = route.request().postDataJSON() as {
        operationName?: string;
        variables?: { first?: number; after?: string | null };
      } | null;
      if (body?.operationName !== 'PeoplePage') return route.continue();
      const start = body.variables?.after ? Number(body.variables.after) : 0;
      const size = Math.min(body.variables?.first ?? 100, total - start);
      const edges = Array.from({ length: size }, (_, i) => {
        const n = start + i + 1;
        return {
          __typename: 'QueryPeopleConnectionEdge',
          node: {
            __typename: 'Person',
            id: `p${n}`,
            code: `CB${String(n).padStart(5, '0')}`,
            fullName: `Người thứ ${n}`,
            category: 'CONG_CHUC',
            positionTitle: 'Chuyên viên',
            unit: { __typename: 'Unit', id: `u${n % 40}`, name: `Phòng ${n % 40}` },
          },
        };
      });
      const pageInfo = {
        __typename: 'PageInfo',
        hasNextPage: start + size < total,
        endCursor: String(start + size),
      };
      await route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({
          data: { people: { __typename: 'QueryPeopleConnection', totalCount: total, edges, pageInfo } },
        }),
      });
    });
    await page.goto('/people');
    await page.getByText('Người thứ 1', { exact: true }).waitFor();
    const scroller = page.getByTestId('people-scroller');
    // scroll down in steps, as a wheel would, measuring the frames the browser paints meanwhile
    const gaps = await scroller.evaluate(async (element) => {
      const found: number[] = [];
      let last = performance.now();
      let running = true;
      const tick = (now: number) => {
        found.push(now - last);
        last = now;
        if (running) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      for (let i = 0; i < 120; i++) {
        element.scrollBy({ top: 4000 });
        await new Promise((resolve) => setTimeout(resolve, 16));
      }
      running = false;
      return found.sort((a, b) => a - b);
    });
    const at = (share: number) => gaps[Math.min(gaps.length - 1, Math.floor(gaps.length * share))] ?? 0;
    log(
      `  ${gaps.length} frames while scrolling: p50 ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms`,
    );
    return {
      figures: [
        {
          bench: 'scroll',
          engine: 'chromium',
          measure: `people list of ${total.toLocaleString('en')} rows, frame gap while scrolling (p50 / p95 of ${gaps.length})`,
          value: `${at(0.5).toFixed(1)} ms / ${at(0.95).toFixed(1)} ms`,
          target: 'p95 < 200 ms',
          met: at(0.95) < 200,
        },
      ],
      notes: [],
    };
  } finally {
    await browser.close();
    await teardown();
  }
}
