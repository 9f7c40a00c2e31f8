import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, messages, openPage, screenshot, signIn } from './browser.ts';
import { useDemoBrowser } from './server.ts';

// Journeys through the officer's and administrator's tools. None of them moves the cycle, so they
// hold whatever step the other journeys left it in.

describe.skipIf(!hasChromium)('officer and administrator tools in Chromium', () => {
  let baseUrl = '';
  let browser: Browser;
  useDemoBrowser((url, launched) => {
    baseUrl = url;
    browser = launched;
  });

  it('imports a people file with mistakes and lists every bad row with what to fix, importing nothing', async () => {
    const page = await openPage(browser, baseUrl);
    await signIn(page, 'officer');
    await page.goto('/imports');
    await page.getByRole('heading', { name: messages['imports.heading'] }).waitFor();
    await page.getByLabel(messages['imports.kind']).click();
    await page
      .locator('.ant-select-item-option')
      .filter({ hasText: messages['imports.kind.PEOPLE'] })
      .click();
    const csv = [
      'Mã cán bộ,Họ và tên,Mã đơn vị,Loại cán bộ,Ngày tuyển dụng',
      'X0001,,KHONG-CO,Công chức,31/02/2020',
      ',Trần Văn Bình,KHONG-CO,Không rõ,01/01/2020',
    ].join('\n');
    await page.locator('input[type=file]').setInputFiles({
      name: 'can-bo-loi.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    await page.getByTestId('import-submit').click();
    const outcome = page.getByTestId('import-outcome');
    await outcome.waitFor({ timeout: 60_000 });
    await outcome.getByRole('alert').filter({ hasText: 'can-bo-loi.csv' }).waitFor();
    // the errors point at the rows of the file (row 1 is the header)
    const rowNumbers = await page
      .getByTestId('import-errors')
      .locator('tbody tr.ant-table-row td:first-child')
      .allTextContents();
    expect(rowNumbers).toContain('2');
    expect(rowNumbers).toContain('3');
    expect(
      await outcome.getByRole('link', { name: messages['imports.errorReport'] }).getAttribute('href'),
    ).toMatch(/^\/api\/import\/.+\/errors\.xlsx$/);
    await screenshot(page, 'import-errors');
    await page.context().close();
  });

  it('shows the officer a dashboard of ratings, flags and cycle progress', async () => {
    const page = await openPage(browser, baseUrl);
    await signIn(page, 'officer');
    await page.goto('/dashboard');
    await page.getByRole('heading', { name: messages['dashboard.heading'] }).waitFor();
    await page.getByText(messages['dashboard.progress']).waitFor();
    await page.getByTestId('distribution').waitFor();
    await page.waitForTimeout(1500);
    await screenshot(page, 'dashboard-officer');
    await page.context().close();
  });

  it('lets a council member rank units within their blocks and open a unit’s people by score', async () => {
    const page = await openPage(browser, baseUrl);
    await signIn(page, 'council');
    await page.goto('/rankings');
    await page.getByRole('heading', { name: messages['rankings.heading'] }).waitFor();
    await page.getByText(messages['rankings.units']).waitFor();
    const firstUnit = page.locator('.ant-table-row button').first();
    if (await firstUnit.count()) {
      await firstUnit.click();
      await page.getByTestId('unit-ranking').waitFor();
    }
    await screenshot(page, 'rankings-council');
    await page.context().close();
  });

  it('lets the administrator see the accounts and verify the audit chain', async () => {
    const page = await openPage(browser, baseUrl);
    await signIn(page, 'admin');
    await page.goto('/accounts');
    await page.getByRole('cell', { name: 'officer', exact: true }).waitFor();
    await screenshot(page, 'accounts');
    await page.goto('/audit');
    await page.getByRole('heading', { name: messages['audit.heading'] }).waitFor();
    await page.getByRole('button', { name: messages['audit.verify'] }).click();
    await page.getByTestId('audit-chain').waitFor();
    expect(await page.getByTestId('audit-chain').textContent()).toContain(
      messages['audit.valid'].split(':')[0],
    );
    await screenshot(page, 'audit');
    await page.context().close();
  });

  it('reads the people list page by page as the officer scrolls, keeping only the visible rows in the page', async () => {
    const page = await openPage(browser, baseUrl);
    await signIn(page, 'officer');
    await page.goto('/people');
    await page.getByTestId('person-row').first().waitFor();
    const total = Number((await page.getByTestId('people-count').textContent())?.replace(/\D/g, ''));
    expect(total).toBeGreaterThan(100);
    const scroller = page.getByTestId('people-scroller');
    for (let i = 0; i < 40; i++) {
      await scroller.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
      await page.waitForTimeout(150);
      if (!(await page.getByText(/Đã tải/).count())) break;
    }
    // every page read: the "loaded x of y" hint is gone, and the last row is a real person
    expect(await page.getByText(/Đã tải/).count()).toBe(0);
    expect(await page.getByTestId('person-row').count()).toBeLessThan(80);
    await screenshot(page, 'people-scrolled');
    await page.context().close();
  });

  it('scrolls a list of 10,000 people, reading it 100 at a time', async () => {
    const page = await openPage(browser, baseUrl);
    await signIn(page, 'officer');
    // a province-sized answer from the people query; everything else goes to the real API
    const total = 10_000;
    let pagesServed = 0;
    await page.route('**/graphql', async (route) => {
      const body = route.request().postDataJSON() as {
        operationName?: string;
        variables?: { first?: number; after?: string | null };
      } | null;
      if (body?.operationName !== 'PeoplePage') return route.continue();
      pagesServed++;
      const start = body.variables?.after ? Number(body.variables.after) : 0;
      const size = Math.min(body.variables?.first ?? 100, total - start);
      const edges = Array.from({ length: size }, (_, i) => {
        const n = start + i + 1;
        return {
          node: {
            __typename: 'Person',
            id: `p${n}`,
            code: `CB${String(n).padStart(5, '0')}`,
            fullName: `Người thứ ${n}`,
            category: 'CONG_CHUC',
            positionTitle: 'Chuyên viên',
            unit: { __typename: 'Unit', id: `u${n % 40}`, name: `Phòng ${n % 40}`, parent: null },
          },
        };
      });
      await route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({
          data: {
            people: {
              __typename: 'QueryPeopleConnection',
              totalCount: total,
              edges: edges.map((edge) => ({ __typename: 'QueryPeopleConnectionEdge', ...edge })),
              pageInfo: {
                __typename: 'PageInfo',
                hasNextPage: start + size < total,
                endCursor: String(start + size),
              },
            },
          },
        }),
      });
    });
    await page.goto('/people');
    await page.getByText('Người thứ 1', { exact: true }).waitFor();
    const scroller = page.getByTestId('people-scroller');
    // how smoothly it scrolls is a figure of `npm run bench -- scroll`, not a pass/fail here
    for (let i = 0; i < 100 && !(await page.getByText('Người thứ 10000', { exact: true }).count()); i++) {
      await scroller.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
      await page.waitForTimeout(100);
    }
    await page.getByText('Người thứ 10000', { exact: true }).waitFor();
    expect(pagesServed).toBe(100);
    // only the rows on screen are in the page, however long the list
    expect(await page.getByTestId('person-row').count()).toBeLessThan(80);
    await screenshot(page, 'people-10000');
    await page.context().close();
  });

  it('fits the staff member’s own page on a phone', async () => {
    const context = await browser.newContext({
      baseURL: baseUrl,
      viewport: { width: 390, height: 844 },
      locale: 'vi-VN',
    });
    const page = await context.newPage();
    await signIn(page, 'staff');
    await page.goto('/my-result');
    await page.getByRole('heading', { name: messages['myResult.heading'] }).waitFor();
    await page.getByTestId('self-assessment').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await screenshot(page, 'my-result-phone');
    await context.close();
  });
});
