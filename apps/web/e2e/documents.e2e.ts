// The officer's "Văn bản" screen in Chromium on the demo province, once its year is published: the
// officer issues the decision recognising the ratings (after the confirmation), finds it in the
// register, checks the signed PDF it downloads (valid, DEMO certificate, the register's copy) and a
// copy with one byte changed (no longer what was signed), makes the national database file, and has
// the results workbook built by a job and downloaded.
import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  callGraphql,
  chromiumMissing,
  hasChromium,
  messages,
  openPage,
  screenshot,
  signIn,
} from './browser.ts';
import { currentCycle, moveCycleTo } from './cycle-steps.ts';
import { useDemoBrowser } from './server.ts';

if (!hasChromium) console.log(`browser tests skipped: ${chromiumMissing}`);

describe.skipIf(!hasChromium)('official documents in Chromium', () => {
  let baseUrl = '';
  let browser: Browser;
  useDemoBrowser((url, launched) => {
    baseUrl = url;
    browser = launched;
  });

  beforeAll(async () => {
    // the demo year is collecting evidence: take it to publication as the office would
    if ((await currentCycle(baseUrl)).status === 'OPEN') await moveCycleTo(baseUrl, 'ASSESSMENT');
    const cycle = await currentCycle(baseUrl);
    const run = await callGraphql<{ runEvaluation: { __typename: string; message?: string } }>(
      baseUrl,
      'officer',
      'mutation($id: ID!) { runEvaluation(cycleId: $id, wait: true) { __typename ... on Error { message } } }',
      { id: cycle.id },
    );
    expect(run.runEvaluation).toEqual({ __typename: 'RunEvaluationSuccess' });
    for (const to of ['REVIEW', 'APPROVED', 'PUBLISHED']) await moveCycleTo(baseUrl, to);
  });

  it('issues the rating decision after a confirmation, and verifies the signed PDF it downloads', async () => {
    const page = await openPage(browser, baseUrl);
    await signIn(page, 'officer');
    await page
      .getByRole('navigation', { name: messages['app.menu'] })
      .getByText(messages['nav.documents'])
      .click();
    await page.getByRole('heading', { name: messages['documents.heading'] }).waitFor();
    await page.getByText(messages['documents.issued.empty']).waitFor({ timeout: 60_000 });

    await page.getByRole('button', { name: messages['documents.issue.RATING_DECISION'] }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(messages['documents.issue.notUndoable']).waitFor();
    await screenshot(page, 'documents-issue-confirm');
    await dialog.getByRole('button', { name: messages['documents.issue.ok'] }).click();
    await page.getByText(/Đã ban hành văn bản số \d+\//).waitFor({ timeout: 60_000 });

    const row = page.getByTestId('issued-table').locator('.ant-table-row').first();
    await row.waitFor();
    expect(await row.textContent()).toContain(messages['documentKind.RATING_DECISION']);
    const link = row.getByRole('link', { name: new RegExp(messages['documents.download']) });
    const href = await link.getAttribute('href');
    if (!href) throw new Error('the issued document has no download link');
    const pdf = await page.request.get(href);
    expect(pdf.status()).toBe(200);
    const signed = Buffer.from(await pdf.body());
    expect(signed.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const verify = page.getByTestId('verify-signature');
    await verify
      .locator('input[type="file"]')
      .setInputFiles({ name: 'quyet-dinh.pdf', mimeType: 'application/pdf', buffer: signed });
    const verdict = page.getByTestId('verify-verdict');
    await verdict.getByText(messages['documents.verify.valid']).waitFor();
    // the copy is the register's: the same checksum as the issued document
    await verdict.getByText(/Đúng bản văn bản số \d+\//).waitFor();
    await page.getByTestId('verify-demo').waitFor();
    await verify.scrollIntoViewIfNeeded();
    await screenshot(page, 'documents-verified');

    // one byte changed in the signed range (near the end, in the cross-reference table, away from
    // the signature dictionary): no longer what was signed
    const changed = Buffer.from(signed);
    const at = changed.length - 40;
    changed[at] = (changed[at] ?? 0) ^ 0x01;
    await verify
      .locator('input[type="file"]')
      .setInputFiles({ name: 'quyet-dinh-sua.pdf', mimeType: 'application/pdf', buffer: changed });
    await verdict
      .getByText(messages['documents.verify.changed'])
      .waitFor()
      .catch(async (error) => {
        console.log('verify card:', await verify.textContent());
        throw error;
      });
    await page.context().close();
  });

  it('makes the national database file and lists it with who made it and its checksum', async () => {
    const page = await openPage(browser, baseUrl);
    await signIn(page, 'officer');
    await page.goto('/documents');
    const national = page.getByTestId('national-export');
    await national.getByText(messages['documents.national.empty']).waitFor({ timeout: 60_000 });
    const download = page.waitForEvent('download');
    await national.getByRole('button', { name: messages['documents.national.json'] }).click();
    expect((await download).suggestedFilename()).toMatch(/\.json$/);
    const made = national.getByTestId('national-exports').locator('.ant-table-row').first();
    await made.waitFor();
    expect(await made.textContent()).toMatch(/[0-9a-f]{12}/);
    await page.getByTestId('national-current').getByText(messages['nationalStatus.SENT']).waitFor();
    await screenshot(page, 'documents-national-export');
    await page.context().close();
  });

  it('builds the province’s results workbook on the server and downloads it when ready', async () => {
    const page = await openPage(browser, baseUrl);
    await signIn(page, 'officer');
    await page.goto('/results');
    await page.getByRole('button', { name: new RegExp(messages['cycles.exports']) }).click();
    const download = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByTestId('export-results-workbook').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    const path = await file.path();
    const { readFileSync } = await import('node:fs');
    // an .xlsx is a zip: its first bytes are "PK"
    expect(readFileSync(path).subarray(0, 2).toString('latin1')).toBe('PK');
    await page.context().close();
  });
});
