// The council's and the officer's cockpit in Chromium on the demo province: the council opens the
// calibration, sees the head who gave all 12 people A = 10, records its review; the officer reads
// the checklist and cannot approve while flags wait.
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
import { currentCycle, tryMoveCycle } from './cycle-steps.ts';
import { useDemoBrowser } from './server.ts';

if (!hasChromium) console.log(`browser tests skipped: ${chromiumMissing}`);

describe.skipIf(!hasChromium)('calibration and the checklist in Chromium', () => {
  let baseUrl = '';
  let browser: Browser;
  useDemoBrowser((url, launched) => {
    baseUrl = url;
    browser = launched;
  });

  beforeAll(async () => {
    // the demo year is collecting evidence: heads assess, the office runs the evaluation, the council reviews
    if ((await currentCycle(baseUrl)).status === 'OPEN')
      expect((await tryMoveCycle(baseUrl, 'ASSESSMENT')).__typename).toBe('MoveCycleSuccess');
    const cycle = await currentCycle(baseUrl);
    const run = await callGraphql<{ runEvaluation: { __typename: string; message?: string } }>(
      baseUrl,
      'officer',
      'mutation($id: ID!) { runEvaluation(cycleId: $id, wait: true) { __typename ... on Error { message } } }',
      { id: cycle.id },
    );
    expect(run.runEvaluation).toEqual({ __typename: 'RunEvaluationSuccess' });
    expect((await tryMoveCycle(baseUrl, 'REVIEW')).__typename).toBe('MoveCycleSuccess');
  });

  it('shows the council the head who gave all 12 people A = 10, and records its review once', async () => {
    const page = await openPage(browser, baseUrl);
    await signIn(page, 'council');
    await page.goto('/calibration');
    const finding = page.getByTestId('finding-UNIFORM_ASSESSMENT').first();
    await finding.waitFor({ timeout: 60_000 });
    expect(await finding.textContent()).toContain('A = 10 (tối đa) cho cả 12 người');
    await screenshot(page, 'calibration-council');
    await page.getByRole('button', { name: messages['calibration.review'] }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox').fill('Đề nghị thủ trưởng chấm lại điểm A');
    await dialog.getByRole('button', { name: messages['app.confirm'] }).dblclick();
    await page.getByTestId('calibration-reviewed').waitFor();
    await page.context().close();
  });

  it('lists for the officer what blocks approval, and approval is refused with the list', async () => {
    const page = await openPage(browser, baseUrl);
    await signIn(page, 'officer');
    await page.goto('/dashboard');
    const flags = page.getByTestId('checklist-UNREVIEWED_FLAGS');
    await flags.waitFor({ timeout: 60_000 });
    expect(await flags.textContent()).toContain(messages['checklist.blocksApproval']);
    await screenshot(page, 'dashboard-checklist');
    await page.context().close();
    const refused = await tryMoveCycle(baseUrl, 'APPROVED');
    expect(refused.__typename).toBe('WorkflowBlockedError');
    expect(refused.message).toContain('Đề xuất chưa được xem xét');
  });
});
