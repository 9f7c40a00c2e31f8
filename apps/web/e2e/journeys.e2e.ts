import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { en } from '../src/i18n/en.ts';
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

async function menuLabels(page: Page): Promise<string[]> {
  const menu = page.getByRole('navigation', { name: messages['app.menu'] });
  await menu.getByRole('link').first().waitFor();
  return (await menu.getByRole('link').allTextContents()).map((text) => text.trim());
}

describe.skipIf(!hasChromium)('admin web app in Chromium', () => {
  let baseUrl = '';
  let browser: Browser;
  useDemoBrowser((url, launched) => {
    baseUrl = url;
    browser = launched;
  });

  it('shows the login page in Vietnamese with the demo accounts, and refuses a wrong password in words', async () => {
    const page = await openPage(browser, baseUrl);
    await page.goto('/login');
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    await page.getByText('Chế độ trình diễn').waitFor();
    await screenshot(page, 'login');
    await page.getByLabel(messages['login.username']).fill('officer');
    await page.getByLabel(messages['login.password'], { exact: true }).fill('wrong password');
    await page.getByRole('button', { name: messages['login.submit'] }).click();
    await page.getByRole('alert').filter({ hasText: messages['login.failed'] }).waitFor();
    await page.context().close();
  });

  const menus: Record<string, { has: string[]; hasNot: string[] }> = {
    admin: {
      has: [messages['nav.accounts'], messages['nav.audit'], messages['nav.cycles']],
      hasNot: [messages['nav.myResult']],
    },
    officer: {
      has: [messages['nav.people'], messages['nav.cycles'], messages['nav.results'], messages['nav.audit']],
      hasNot: [messages['nav.accounts'], messages['nav.myResult']],
    },
    head: {
      has: [messages['nav.people'], messages['nav.results']],
      hasNot: [messages['nav.accounts'], messages['nav.audit']],
    },
    council: { has: [messages['nav.results']], hasNot: [messages['nav.accounts'], messages['nav.people']] },
    staff: {
      has: [messages['nav.myResult']],
      hasNot: [
        messages['nav.people'],
        messages['nav.cycles'],
        messages['nav.accounts'],
        messages['nav.audit'],
      ],
    },
  };

  for (const [username, expected] of Object.entries(menus)) {
    it(`signs ${username} in and shows the menu of that role`, async () => {
      const page = await openPage(browser, baseUrl);
      await signIn(page, username);
      const labels = await menuLabels(page);
      for (const label of expected.has) expect(labels).toContain(label);
      for (const label of expected.hasNot) expect(labels).not.toContain(label);
      await screenshot(page, `home-${username}`);
      await page.context().close();
    });
  }

  it('lets the officer find “Nguyễn Văn …” by typing “nguyen van”', async () => {
    const page = await openPage(browser, baseUrl);
    await signIn(page, 'officer');
    await page.goto('/people');
    await page.getByLabel(messages['people.searchLabel']).fill('nguyen van');
    await page
      .getByText(/Nguyễn Văn \S+/)
      .first()
      .waitFor();
    await screenshot(page, 'people-search');
    await page.context().close();
  });

  it('lets the officer run the evaluation and see the results', async () => {
    const page = await openPage(browser, baseUrl);
    await signIn(page, 'officer');
    await page.goto('/cycles');
    await page.getByRole('button', { name: messages['cycles.run'] }).first().click();
    await page
      .locator('.ant-modal-confirm-btns .ant-btn-primary, .ant-modal-footer .ant-btn-primary')
      .first()
      .click();
    const done = messages['cycles.runDone'].split('{')[0] ?? '';
    await page.getByText(done.trim()).first().waitFor({ timeout: 90_000 });
    await screenshot(page, 'cycles-run-done');
    await page.goto('/results');
    await page.locator('.ant-table-row').first().waitFor();
    expect(await page.locator('.ant-table-row').count()).toBeGreaterThan(0);
    await screenshot(page, 'results-officer');
    await page.context().close();
  });

  it('lets the officer review a staffing flag with a reason', async () => {
    const page = await openPage(browser, baseUrl);
    await signIn(page, 'officer');
    await page.goto('/flags');
    await page.getByRole('heading', { name: messages['flags.heading'] }).waitFor();
    const row = page.locator('.ant-table-row').first();
    await row.waitFor();
    await row.getByRole('button', { name: messages['flags.reviewAction'] }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(messages['flagReview.POSTPONED']).check();
    await dialog.getByLabel(messages['flags.reason']).fill('Chờ kết quả đánh giá năm sau');
    await dialog.getByRole('button', { name: messages['app.save'] }).click();
    await page.getByText(messages['flags.reviewed']).waitFor();
    await page.getByText('Chờ kết quả đánh giá năm sau').first().waitFor();
    await screenshot(page, 'flags-reviewed');
    await page.context().close();
  });

  it('refuses the head an extra “Hoàn thành xuất sắc nhiệm vụ” beyond the unit quota, in words', async () => {
    await moveCycleTo(baseUrl, 'ASSESSMENT');
    const cycle = await currentCycle(baseUrl);
    // someone the engine held back to “Good” because the unit's quota was full
    const data = await callGraphql<{
      results: {
        edges: { node: { proposedRating: string; engineRating: string; person: { fullName: string } } }[];
      };
    }>(
      baseUrl,
      'head',
      `query($c: ID!) { results(cycleId: $c, first: 200) { edges { node {
        proposedRating engineRating person { fullName } } } } }`,
      { c: cycle.id },
    );
    const held = data.results.edges
      .map((edge) => edge.node)
      .find((node) => node.proposedRating === 'EXCELLENT' && node.engineRating === 'GOOD');
    if (!held) throw new Error('no result held back by the quota in the demo data');

    const page = await openPage(browser, baseUrl);
    await signIn(page, 'head');
    await page.goto('/results');
    await page.getByLabel(messages['results.searchLabel']).fill(held.person.fullName);
    const row = page.locator('.ant-table-row').filter({ hasText: held.person.fullName }).first();
    await row.waitFor();
    await row.getByRole('button', { name: messages['results.adjust'] }).click();
    const dialog = page.getByRole('dialog');
    const excellent = dialog.getByRole('radio', { name: new RegExp(messages['rating.EXCELLENT']) });
    // the engine judges the choice on the live quota: the option is refused with its reason next to it
    await dialog.getByText(/không còn suất trống/).waitFor();
    expect(await excellent.isDisabled()).toBe(true);
    await dialog.getByTestId('quota-meter').waitFor();
    await screenshot(page, 'results-quota-refused');
    await page.context().close();
  });

  it('takes a title proposal through a secret ballot: propose, schedule, vote, count', async () => {
    const officer = await openPage(browser, baseUrl);
    await signIn(officer, 'officer');
    await officer.goto('/emulation');
    await officer.getByRole('heading', { name: messages['emulation.heading'] }).waitFor();

    await officer.getByRole('button', { name: messages['emulation.propose'] }).click();
    // someone the engine finds eligible for a title the council votes on, typed without diacritics
    const cycle = await currentCycle(baseUrl);
    const found = await callGraphql<{
      results: {
        edges: {
          node: {
            person: { fullName: string };
            titleEligibility: { title: string; status: string; needsBallot: boolean }[];
          };
        }[];
      };
    }>(
      baseUrl,
      'officer',
      `query($c: ID!) { results(cycleId: $c, first: 100) { edges { node {
        person { fullName } titleEligibility { title status needsBallot } } } } }`,
      { c: cycle.id },
    );
    const candidates = found.results.edges.flatMap(({ node }) =>
      node.titleEligibility
        .filter((title) => title.needsBallot && title.status === 'ELIGIBLE')
        .map((title) => ({ nominee: node.person.fullName, title: title.title })),
    );
    const pick = candidates.find((candidate) => candidate.title === 'CSTD_TINH') ?? candidates[0];
    if (!pick) throw new Error('nobody in the demo province is eligible for a title the council votes on');
    const { nominee } = pick;
    const typed = nominee
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, 'd')
      .toLowerCase();
    let dialog = officer.getByRole('dialog');
    await dialog.getByLabel(messages['emulation.nominee']).fill(typed);
    await officer.locator('.ant-select-item-option').filter({ hasText: nominee }).first().click();
    // the title list opens while the nominee's closes: choose until the field shows the title
    const titleLabel = messages[`titleKind.${pick.title}` as keyof typeof messages];
    const titleField = dialog.locator('.ant-form-item').filter({ hasText: messages['emulation.title'] });
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await dialog.getByLabel(messages['emulation.title']).click();
      await officer
        .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
        .filter({ hasText: titleLabel })
        .first()
        .click();
      const chosen = titleField.locator('.ant-select-selection-item').filter({ hasText: titleLabel });
      if (
        await chosen.waitFor({ timeout: 3_000 }).then(
          () => true,
          () => false,
        )
      )
        break;
    }
    await dialog.getByLabel(messages['emulation.reason']).fill('Sáng kiến được công nhận cấp tỉnh');
    await dialog.getByRole('button', { name: messages['app.save'] }).click();
    await officer
      .getByText(messages['emulation.proposed'])
      .waitFor()
      .catch(async (error) => {
        await screenshot(officer, 'emulation-propose-failed');
        throw error;
      });

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

    const proposal = officer.locator('.ant-table-row').filter({ hasText: nominee }).last();
    await proposal.getByRole('button', { name: messages['emulation.openBallot'] }).click();
    // a ballot once opened cannot be taken back: the page asks first, naming the nominee
    await officer.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
    await officer.getByText(messages['emulation.ballotOpened']).waitFor();

    const council = await openPage(browser, baseUrl);
    await signIn(council, 'council');
    await council.goto('/emulation');
    const ballot = council.locator('.ant-table-row').filter({ hasText: nominee }).first();
    await ballot.getByRole('button', { name: messages['vote.FOR'], exact: true }).click();
    await council.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
    await council.getByText(messages['emulation.voted']).waitFor();
    await screenshot(council, 'emulation-council-voted');
    await council.context().close();

    await officer.reload();
    const open = officer.locator('.ant-table-row').filter({ hasText: nominee }).first();
    await open.getByRole('button', { name: messages['emulation.closeBallot'] }).click();
    // closing counts the ballot for good: the officer confirms it
    await officer.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
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

  it('shows the staff member their own published result', async () => {
    for (const to of ['REVIEW', 'APPROVED', 'PUBLISHED']) await moveCycleTo(baseUrl, to);
    const page = await openPage(browser, baseUrl);
    await signIn(page, 'staff');
    // right after signing in, without a reload: the printable rating form is offered at once
    await page.getByRole('link', { name: messages['myResult.printForm'] }).waitFor({ timeout: 30_000 });
    await page.goto('/my-result');
    await page.getByRole('heading', { name: messages['myResult.heading'] }).waitFor();
    const ratings = ['EXCELLENT', 'GOOD', 'COMPLETED', 'NOT_COMPLETED'] as const;
    await page
      .getByText(new RegExp(ratings.map((rating) => messages[`rating.${rating}`]).join('|')))
      .first()
      .waitFor();
    await screenshot(page, 'my-result');
    await page.context().close();
  });

  it('lets the officer take up a staff appeal and decide it with reasons', async () => {
    const cycle = await currentCycle(baseUrl);
    const mine = await callGraphql<{ myResult: { finalRating: string } | null }>(
      baseUrl,
      'staff',
      'query($c: ID!) { myResult(cycleId: $c) { finalRating } }',
      { c: cycle.id },
    );
    // the staff member asks for excellent, unless that is already their rating (then for no change of rating)
    const requested = mine.myResult?.finalRating === 'EXCELLENT' ? null : 'EXCELLENT';
    const filed = await callGraphql<{ fileAppeal: { __typename: string; message?: string } }>(
      baseUrl,
      'staff',
      `mutation($c: ID!, $requested: Rating) {
        fileAppeal(cycleId: $c, reason: "Tôi có sáng kiến được công nhận nhưng chưa được tính điểm", requested: $requested) {
          __typename ... on Error { message }
        }
      }`,
      { c: cycle.id, requested },
    );
    expect(filed.fileAppeal).toEqual({ __typename: 'FileAppealSuccess' });

    const page = await openPage(browser, baseUrl);
    await signIn(page, 'officer');
    await page.goto('/appeals');
    await page.getByRole('heading', { name: messages['appeals.heading'] }).waitFor();
    const row = page.locator('.ant-table-row').filter({ hasText: 'sáng kiến được công nhận' }).first();
    await row.getByRole('button', { name: messages['appeals.startReview'] }).click();
    await page
      .getByText(messages['appeals.reviewStarted'])
      .waitFor({ timeout: 10_000 })
      .catch(async (error) => {
        await screenshot(page, 'appeals-start-failed');
        throw error;
      });
    await row.getByRole('button', { name: messages['appeals.decide'] }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(messages['appealStatus.REJECTED']).check();
    await dialog
      .getByLabel(messages['appeals.decisionReason'])
      .fill('Sáng kiến chưa có quyết định công nhận trong kỳ');
    await dialog.getByRole('button', { name: messages['app.save'] }).click();
    await page.getByText(messages['appeals.decided']).waitFor();
    await row.getByText(messages['appealStatus.REJECTED']).waitFor();
    await screenshot(page, 'appeals-decided');
    await page.context().close();
  });

  it('switches to English and remembers the choice', async () => {
    const page = await openPage(browser, baseUrl);
    await page.goto('/login');
    await page.getByText('English', { exact: true }).click();
    await page.getByLabel(en['login.username']).waitFor();
    await page.reload();
    await page.getByLabel(en['login.username']).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByLabel(en['login.username']).fill('officer');
    await page.getByLabel(en['login.password'], { exact: true }).fill('demo');
    await page.getByRole('button', { name: en['login.submit'] }).click();
    await page.getByRole('button', { name: en.logout }).waitFor();
    await screenshot(page, 'english-home');
    await page.context().close();
  });
});
