import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import {
  callGraphql,
  hasChromium,
  launchBrowser,
  messages,
  openPage,
  screenshot,
  signIn,
} from './browser.ts';

if (!hasChromium) console.log('browser tests skipped: Chromium not found at /usr/bin/chromium');

type CyclesData = { cycles: { id: string; status: string; latestRun: { status: string } | null }[] };

describe.skipIf(!hasChromium)('emulation council in Chromium', () => {
  const baseUrl = inject('baseUrl');
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
    // title eligibility comes from the stored evaluation: make sure there is one
    const data = await callGraphql<CyclesData>(
      baseUrl,
      'officer',
      '{ cycles { id status latestRun { status } } }',
    );
    const cycle = data.cycles[0];
    if (cycle && !cycle.latestRun && ['OPEN', 'ASSESSMENT', 'REVIEW'].includes(cycle.status)) {
      await callGraphql(
        baseUrl,
        'officer',
        'mutation($c: ID!) { runEvaluation(cycleId: $c, wait: true) { __typename } }',
        {
          c: cycle.id,
        },
      );
    }
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('takes a title proposal through a secret ballot: propose, schedule, vote, count', async () => {
    const officer = await openPage(browser, baseUrl);
    await signIn(officer, 'officer');
    await officer.goto('/emulation');
    await officer.getByRole('heading', { name: messages['emulation.heading'] }).waitFor();

    await officer.getByRole('button', { name: messages['emulation.propose'] }).click();
    let dialog = officer.getByRole('dialog');
    await dialog.getByLabel(messages['emulation.nominee']).fill('nguyen van an');
    await officer.locator('.ant-select-item-option').filter({ hasText: 'Nguyễn Văn An' }).first().click();
    await dialog.getByLabel(messages['emulation.title']).click();
    await officer
      .locator('.ant-select-item-option')
      .filter({ hasText: messages['titleKind.CSTD_TINH'] })
      .click();
    await dialog.getByLabel(messages['emulation.reason']).fill('Sáng kiến được công nhận cấp tỉnh');
    await dialog.getByRole('button', { name: messages['app.save'] }).click();
    await officer.getByText(messages['emulation.proposed']).waitFor();

    await officer.getByRole('button', { name: messages['emulation.createSession'] }).click();
    dialog = officer.getByRole('dialog');
    await dialog.getByLabel(messages['emulation.sessionNumber']).fill('01/2026');
    await dialog.getByLabel(messages['emulation.heldOn']).fill('23/11/2026');
    await dialog.getByLabel(messages['emulation.heldOn']).press('Enter');
    await dialog.getByRole('button', { name: messages['app.save'] }).click();
    await officer
      .getByText(messages['emulation.sessionCreated'])
      .waitFor({ timeout: 10_000 })
      .catch(async (error) => {
        await screenshot(officer, 'emulation-session-failed');
        throw error;
      });

    const proposal = officer.locator('.ant-table-row').filter({ hasText: 'Nguyễn Văn An' }).last();
    await proposal.getByRole('button', { name: messages['emulation.openBallot'] }).click();
    await officer.getByText(messages['emulation.ballotOpened']).waitFor();

    const council = await openPage(browser, baseUrl);
    await signIn(council, 'council');
    await council.goto('/emulation');
    const ballot = council.locator('.ant-table-row').filter({ hasText: 'Nguyễn Văn An' }).first();
    await ballot.getByRole('button', { name: messages['vote.FOR'], exact: true }).click();
    await council.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
    await council.getByText(messages['emulation.voted']).waitFor();
    await screenshot(council, 'emulation-council-voted');
    await council.context().close();

    await officer.reload();
    const open = officer.locator('.ant-table-row').filter({ hasText: 'Nguyễn Văn An' }).first();
    await open.getByRole('button', { name: messages['emulation.closeBallot'] }).click();
    await officer.getByText(messages['emulation.closed']).waitFor();
    const results = ['PASSED', 'FAILED', 'NO_QUORUM'] as const;
    await officer
      .locator('.ant-table-row')
      .filter({ hasText: new RegExp(results.map((result) => messages[`ballotResult.${result}`]).join('|')) })
      .first()
      .waitFor();
    await screenshot(officer, 'emulation-ballot-closed');
    await officer.context().close();
  });
});
