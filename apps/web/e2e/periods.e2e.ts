import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, messages, openPage, screenshot, signIn } from './browser.ts';
import { useDemoBrowser } from './server.ts';

// Continuous evaluation in the browser (DOMAIN.md §2): a head records and closes Q3 of a unit of
// about ten people by keyboard, staff read their four quarters as a chart, the officer sees which
// units have closed Q3. The demo cycle is quarterly; Q3 of the head's department is still open.

describe.skipIf(!hasChromium)('tracking by period in Chromium', () => {
  let baseUrl = '';
  let browser: Browser;
  useDemoBrowser((url, launched) => {
    baseUrl = url;
    browser = launched;
  });

  it('lets a head record and close Q3 of a unit by keyboard alone', async () => {
    const page = await openPage(browser, baseUrl);
    await signIn(page, 'head');
    // the land division of the head's department (about ten people), named in the address
    await page.goto('/periods?unit=HA.STNMT.DD');
    const assessments = page.getByLabel(new RegExp(`^${messages['periods.assessment']} `));
    await assessments.first().waitFor();
    const people = await assessments.count();
    expect(people).toBeGreaterThanOrEqual(8);

    // a completed quantity typed in the first row: the engine's period score follows as they type
    const completed = page.getByLabel(new RegExp(`^${messages['periods.completed']} `)).first();
    const score = page.locator('[data-testid^="period-score-"]').first();
    await score.waitFor();
    const before = await score.textContent();
    await completed.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('0');
    await expect.poll(() => score.textContent(), { timeout: 15_000 }).not.toBe(before);

    // every person's A typed down the column: Enter moves to the next person
    await assessments.first().focus();
    for (let i = 0; i < people; i++) {
      await page.keyboard.press('Control+A');
      await page.keyboard.type(i % 3 === 0 ? '9' : '10');
      await page.keyboard.press('Enter');
    }
    await page.keyboard.press('Control+s');
    await page.getByText(messages['periods.saved']).waitFor();
    await page.getByText(messages['periods.missing'].replace('{count}', '0')).waitFor();

    // Khóa kỳ: the button by keyboard, the confirmation's OK by Enter
    await page.getByTestId('close-period').focus();
    await page.keyboard.press('Enter');
    await page.getByText(messages['periods.closeConfirmBody']).waitFor();
    await page.keyboard.press('Enter');
    await page.getByText(messages['periods.closed'].replace('{period}', 'Quý III/2026')).waitFor();
    await expect
      .poll(() => page.getByTestId('period-state').textContent())
      .toContain(messages['periods.stateClosed']);
    await screenshot(page, 'period-closed');
    await page.context().close();
  });

  it('shows staff their four quarters as a chart with each quarter’s reasons', async () => {
    const page = await openPage(browser, baseUrl);
    await signIn(page, 'staff');
    await page.goto('/my-periods');
    await page.getByTestId('period-chart').waitFor();
    for (const label of ['Quý I/2026', 'Quý II/2026', 'Quý III/2026', 'Quý IV/2026']) {
      await page.getByRole('cell', { name: label }).waitFor();
    }
    expect(await page.getByTestId('year-score').textContent()).toMatch(/\d/);
    await screenshot(page, 'staff-periods');
    await page.context().close();
  });

  it('shows the officer which units have closed Q3', async () => {
    const page = await openPage(browser, baseUrl);
    await signIn(page, 'officer');
    await page.goto('/catalogue');
    const q3 = page.getByTestId('progress-3');
    await page.getByRole('cell', { name: 'Phòng Quản lý đất đai' }).first().waitFor();
    const [closed, all] = ((await q3.textContent())?.match(/(\d+)\/(\d+)/) ?? []).slice(1).map(Number);
    expect(all).toBe(78);
    expect(closed).toBeGreaterThan(40);
    expect(closed).toBeLessThan(78);
    await page.getByRole('cell', { name: 'Phòng Quản lý đất đai' }).first().waitFor();
    await screenshot(page, 'officer-period-progress');
    await page.context().close();
  });
});
