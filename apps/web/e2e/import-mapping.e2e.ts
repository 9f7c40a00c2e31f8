import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { callGraphql, hasChromium, messages, openPage, screenshot, signIn } from './browser.ts';
import { useDemoBrowser } from './server.ts';

// Issue #13: an export of the one-stop system (iGate) names its columns its own way; the officer
// saves once which of its headings is which template column, then uploads its files as they are.

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical violations inside one element. */
async function seriousViolations(page: Page, selector: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async (within) => {
    type AxeResults = {
      violations: { id: string; impact?: string | null; nodes: { target: unknown[] }[] }[];
    };
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<AxeResults> } }).axe;
    const results = await axe.run(document.querySelector(within), { resultTypes: ['violations'] });
    return results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map(
        (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(' | ')}`,
      );
  }, selector);
}

/** Opens an Ant Design select and picks the option with this text from its (visible) list. */
async function pick(page: Page, testId: string, option: string): Promise<void> {
  const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  await page.getByTestId(testId).click();
  await open.locator('.ant-select-item-option').filter({ hasText: option }).first().click();
  // the list closes (with an animation) before the next select opens its own
  await expect.poll(() => open.count()).toBe(0);
}

describe.skipIf(!hasChromium)('column mappings of source systems in Chromium', () => {
  let baseUrl = '';
  let browser: Browser;
  useDemoBrowser((url, launched) => {
    baseUrl = url;
    browser = launched;
  });

  let codes: string[] = [];

  beforeAll(async () => {
    // two people the seeded one-stop statistics leave out, so their quarter is not yet recorded
    const people = await callGraphql<{
      people: { edges: { node: { code: string; dossierHandler: boolean } }[] };
    }>(baseUrl, 'officer', 'query { people(first: 100) { edges { node { code dossierHandler } } } }');
    codes = people.people.edges
      .map((edge) => edge.node)
      .filter((person) => !person.dossierHandler)
      .slice(0, 2)
      .map((person) => person.code);
    expect(codes).toHaveLength(2);
  });

  it('saves iGate’s headings for the one-stop statistics, then imports its file with source iGate and refuses it without', async () => {
    const igate = [
      'STT,Mã CB xử lý,Kỳ báo cáo,Tổng hồ sơ tiếp nhận,Giải quyết trước hạn,Giải quyết đúng hạn,Giải quyết quá hạn,Số phiếu xin lỗi',
      `1,${codes[0]},4,120,30,85,5,2`,
      `2,${codes[1]},4,64,10,50,4,1`,
    ].join('\n');
    const file = { name: 'igate-quy-4.csv', mimeType: 'text/csv', buffer: Buffer.from(igate, 'utf8') };

    const page = await openPage(browser, baseUrl);
    await signIn(page, 'officer');
    // the kind comes from the address, like the page's other filters
    await page.goto('/imports?kind=ONE_STOP_STATS');
    await page.getByRole('heading', { name: messages['imports.heading'] }).waitFor();
    await page.getByRole('button', { name: messages['importMapping.heading'] }).click();
    const editor = page.getByTestId('mapping-editor');
    await editor.waitFor();
    // every template column, its Vietnamese heading and whether it is required
    await editor.getByText('Số hồ sơ tiếp nhận (bắt buộc)').waitFor();
    await page.getByTestId('mapping-source').fill('iGate');

    // the sample's headings fill a select per column, the same names matched already
    await editor.locator('input[type=file]').setInputFiles(file);
    await page.getByText(messages['importMapping.sampleShown'].replace('{file}', file.name)).waitFor();
    await expect.poll(() => page.getByTestId('mapping-column-period').textContent()).toContain('Kỳ báo cáo');
    expect(await page.getByTestId('mapping-column-late').textContent()).toContain('Giải quyết quá hạn');
    expect(await page.getByTestId('mapping-column-apologies').textContent()).toContain('Số phiếu xin lỗi');
    await pick(page, 'mapping-column-personCode', 'Mã CB xử lý');
    await pick(page, 'mapping-column-received', 'Tổng hồ sơ tiếp nhận');
    expect(await seriousViolations(page, '[data-testid="mapping-editor"]')).toEqual([]);
    await screenshot(page, 'import-mapping');
    await page.getByTestId('mapping-save').click();
    await page.getByText(messages['importMapping.saved'].replace('{source}', 'iGate')).waitFor();

    // saved: the upload now reads files as iGate's, and the address says so
    await expect.poll(() => page.getByTestId('import-source').textContent()).toContain('iGate');
    expect(new URL(page.url()).searchParams.get('source')).toBe('iGate');
    const uploadForm = page.locator('form').filter({ has: page.getByTestId('import-submit') });
    await uploadForm.locator('input[type=file]').setInputFiles(file);
    await page.getByTestId('import-submit').click();
    const outcome = page.getByTestId('import-outcome');
    await outcome
      .getByText(messages['imports.applied'].replace('{rows}', '2').replace('{file}', file.name))
      .waitFor({ timeout: 60_000 });
    await screenshot(page, 'import-mapping-applied');

    // the same file as if it were the template's: refused, naming the columns it lacks
    await pick(page, 'import-source', messages['importMapping.noSource']);
    expect(new URL(page.url()).searchParams.get('source')).toBeNull();
    await uploadForm.locator('input[type=file]').setInputFiles(file);
    await page.getByTestId('import-submit').click();
    await outcome.getByRole('alert').filter({ hasText: file.name }).waitFor({ timeout: 60_000 });
    const errors = await page.getByTestId('import-errors').textContent();
    expect(errors).toContain('Thiếu cột bắt buộc "Kỳ"');
    expect(errors).toContain('Thiếu cột bắt buộc "Số hồ sơ tiếp nhận"');

    // a second save of the same source asks before replacing its mapping
    await page.getByTestId('mapping-save').click();
    const confirm = page.getByRole('dialog').filter({
      hasText: messages['importMapping.overwriteTitle'].replace('{source}', 'iGate'),
    });
    await confirm.waitFor();
    await confirm.getByRole('button', { name: messages['app.cancel'] }).click();
    await confirm.waitFor({ state: 'hidden' });

    // the address alone brings the page back with the source chosen
    await page.goto('/imports?kind=ONE_STOP_STATS&source=iGate');
    await expect.poll(() => page.getByTestId('import-source').textContent()).toContain('iGate');
    await page.context().close();
  });
});
