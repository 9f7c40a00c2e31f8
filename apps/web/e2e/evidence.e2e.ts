import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, messages, openPage, screenshot, signIn } from './browser.ts';
import { useDemoBrowser } from './server.ts';

// The personnel officer opens a person's evidence from the people list and corrects one value,
// with a reason, against the real API of the demo province.

describe.skipIf(!hasChromium)('a person’s imported evidence in Chromium', () => {
  let baseUrl = '';
  let browser: Browser;
  useDemoBrowser((url, launched) => {
    baseUrl = url;
    browser = launched;
  });

  it('opens from the people list, keeps the person in the address, and corrects a task with a reason', async () => {
    const page = await openPage(browser, baseUrl);
    await signIn(page, 'officer');
    await page.goto('/people');
    const row = page.getByTestId('person-row').first();
    await row.waitFor();
    await row.getByRole('button').first().click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByTestId('person-evidence').waitFor({ timeout: 30_000 });
    expect(new URL(page.url()).searchParams.get('evidence')).toBeTruthy();

    await drawer
      .getByRole('button', { name: new RegExp(`^${messages['evidence.correct']}:`) })
      .first()
      .click();
    const dialog = page.getByRole('dialog').filter({ hasText: messages['evidence.reason'] });
    await dialog.getByRole('button', { name: messages['app.save'] }).click();
    await dialog.getByText(messages['evidence.reasonRequired']).waitFor();
    const value = dialog.getByLabel(messages['evidence.newValue']);
    await value.fill('Thẩm định hồ sơ (đã sửa tên)');
    await dialog.getByLabel(messages['evidence.reason']).fill('Tên nhiệm vụ nhập sai từ phần mềm giao việc');
    await dialog.getByRole('button', { name: messages['app.save'] }).click();
    await page.getByText(messages['evidence.corrected']).waitFor();
    await drawer
      .getByText(/Thẩm định hồ sơ \(đã sửa tên\)/)
      .first()
      .waitFor();
    await screenshot(page, 'evidence-corrected');

    // Back closes the drawer: the person was kept in the address
    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.get('evidence')).toBeNull();
    await page.context().close();
  });
});
