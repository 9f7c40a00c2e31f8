// The app on a phone (390 × 844) in Chromium: the menu button sits in the header beside the app's
// name, not over the page title; the menu opens as a drawer over the page (which keeps its width)
// and closes on a choice; the account's name, the password change and sign-out are one tap away.
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumMissing, hasChromium, messages, screenshot } from './browser.ts';
import { useDemoBrowser } from './server.ts';

if (!hasChromium) console.log(`browser tests skipped: ${chromiumMissing}`);

describe.skipIf(!hasChromium)('the app on a phone', () => {
  let baseUrl = '';
  let browser: Browser;
  useDemoBrowser((url, launched) => {
    baseUrl = url;
    browser = launched;
  });

  it('keeps the menu, the title and the account apart, and the page at full width', async () => {
    const context = await browser.newContext({
      baseURL: baseUrl,
      viewport: { width: 390, height: 844 },
      locale: 'vi-VN',
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByLabel(messages['login.username']).fill('staff');
    await page.getByLabel(messages['login.password'], { exact: true }).fill('demo');
    await page.getByRole('button', { name: messages['login.submit'] }).click();
    const menuButton = page.getByTestId('menu-button');
    await menuButton.waitFor();
    const heading = page.getByRole('heading', { level: 1 }).first();
    await heading.waitFor();

    await screenshot(page, 'phone-header');
    // the menu button and the page title do not overlap
    const buttonBox = await menuButton.boundingBox();
    const headingBox = await heading.boundingBox();
    expect(buttonBox && headingBox).toBeTruthy();
    if (buttonBox && headingBox) expect(buttonBox.y + buttonBox.height).toBeLessThanOrEqual(headingBox.y);

    // the open menu lies over the page: the page keeps its width
    const main = page.locator('#main-content');
    const widthBefore = (await main.boundingBox())?.width ?? 0;
    await menuButton.click();
    const navigation = page.getByRole('navigation', { name: messages['app.menu'] });
    await navigation.waitFor();
    await page.waitForTimeout(400); // the drawer's slide-in, for the picture
    await screenshot(page, 'phone-menu-open');
    expect((await main.boundingBox())?.width ?? 0).toBeGreaterThanOrEqual(widthBefore - 1);
    expect(widthBefore).toBeGreaterThan(340);
    await navigation.getByRole('link').first().click();
    await navigation.waitFor({ state: 'hidden' });

    // the account menu names the user and offers the password change and sign-out
    await page.getByTestId('account-menu').click();
    await page.getByRole('menuitem', { name: messages['password.change'] }).waitFor();
    await page.getByRole('menuitem', { name: messages.logout }).waitFor();
    expect(await page.getByRole('menu').textContent()).toContain(messages['role.STAFF']);
    await page.getByRole('menuitem', { name: messages['password.change'] }).click();
    await page.getByRole('dialog').waitFor();
    await context.close();
  });
});
