import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, messages, openPage, screenshot, signIn } from './browser.ts';
import { useDemoBrowser } from './server.ts';

// The units page (issue #19): the officer finds a ward of the demo province by typing without
// diacritics, renames it in the dialog, and the new name is what the page shows after a reload.

describe.skipIf(!hasChromium)('the units page in Chromium', () => {
  let baseUrl = '';
  let browser: Browser;
  useDemoBrowser((url, launched) => {
    baseUrl = url;
    browser = launched;
  });

  it('lets the officer find a ward without diacritics, rename it and see the new name after a reload', async () => {
    const page = await openPage(browser, baseUrl);
    await signIn(page, 'officer');
    await page
      .getByRole('navigation', { name: messages['app.menu'] })
      .getByRole('link', { name: messages['nav.units'], exact: true })
      .click();
    await page.getByRole('heading', { name: messages['units.heading'], level: 1 }).waitFor();
    // the tree answers with the units of the officer's scope, their kinds in words and their heads
    await page.getByRole('button', { name: 'UBND tỉnh Hòa An', exact: true }).waitFor();

    await page.getByLabel(messages['units.searchLabel']).fill('hoa phu');
    const ward = page.getByRole('button', { name: 'UBND phường Hòa Phú', exact: true });
    await ward.waitFor();
    const row = page.locator('tr', { has: ward });
    await row.getByText(messages['unitKind.WARD'], { exact: true }).waitFor();
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('hoa phu');
    // the old commune of the same name closed in 2025 stays hidden until asked for
    expect(await page.getByRole('button', { name: 'UBND xã Hòa Phú', exact: true }).count()).toBe(0);

    const edit = row.getByRole('button', {
      name: messages['units.editNamed'].replace('{name}', 'UBND phường Hòa Phú (UBND tỉnh Hòa An)'),
    });
    await edit.click();
    const dialog = page.getByRole('dialog');
    const name = dialog.getByLabel(messages['units.field.name']);
    await name.fill('UBND phường Hòa Phú Mới');
    await screenshot(page, 'units-edit');
    await dialog.getByRole('button', { name: messages['app.save'] }).click();
    await dialog.waitFor({ state: 'detached' });
    await page
      .getByText(messages['units.saved'].replace('{name}', 'UBND phường Hòa Phú Mới (UBND tỉnh Hòa An)'))
      .waitFor();
    // focus is back on the button that opened the dialog
    await expect
      .poll(() =>
        page.evaluate(
          () => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.tagName,
        ),
      )
      .toBe(messages['units.editNamed'].replace('{name}', 'UBND phường Hòa Phú Mới (UBND tỉnh Hòa An)'));

    await page.reload();
    await page.getByRole('heading', { name: messages['units.heading'], level: 1 }).waitFor();
    // the search survived the reload in the address; the ward answers with its new name
    expect(await page.getByLabel(messages['units.searchLabel']).inputValue()).toBe('hoa phu');
    await page.getByRole('button', { name: 'UBND phường Hòa Phú Mới', exact: true }).waitFor();

    // the chosen ward's details, kept in the address: its head and the units it succeeded
    await page.getByRole('button', { name: 'UBND phường Hòa Phú Mới', exact: true }).click();
    const details = page.getByRole('region', { name: 'UBND phường Hòa Phú Mới (UBND tỉnh Hòa An)' });
    await details.getByText(/UBND xã Hòa Phú \(UBND thành phố Hòa An\)/).waitFor();
    expect(new URL(page.url()).searchParams.get('unit')).toBeTruthy();
    await screenshot(page, 'units-details');

    // the closed units come back with their successors behind the switch
    await page.getByRole('switch', { name: messages['units.showClosed'] }).click();
    const closed = page.getByRole('button', { name: 'UBND xã Hòa Phú', exact: true });
    await closed.waitFor();
    await page
      .locator('tr', { has: closed })
      .getByText(/Đã giải thể\/sáp nhập ngày 30\/06\/2025 → .*UBND phường Hòa Phú Mới/)
      .waitFor();
    await screenshot(page, 'units-search');
    await page.context().close();
  });
});
