import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Role } from '../src/auth/session.ts';
import { navItemsFor } from '../src/layout/nav-items.ts';
import { hasChromium, messages, openPage, signIn } from './browser.ts';
import { useDemoBrowser } from './server.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical violations on the page as it is, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  // evaluated rather than added as a <script>: the app's Content-Security-Policy refuses inline scripts
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    type AxeNode = {
      target: unknown[];
      any: { data?: { contrastRatio?: number; fgColor?: string; bgColor?: string } }[];
    };
    type AxeResults = { violations: { id: string; impact?: string | null; nodes: AxeNode[] }[] };
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<AxeResults> } }).axe;
    const results = await axe.run(document, { resultTypes: ['violations'] });
    const explain = (node: AxeNode) => {
      const target = node.target.map(String).join(' ').split(' > ').slice(-2).join(' > ');
      const contrast = node.any.find((check) => check.data?.contrastRatio !== undefined)?.data;
      return contrast
        ? `${target} (${contrast.fgColor} on ${contrast.bgColor}, ${contrast.contrastRatio}:1)`
        : target;
    };
    return results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map(
        (violation) =>
          `${violation.id} (${violation.impact}, ${violation.nodes.length} nodes): ${violation.nodes
            .slice(0, 5)
            .map(explain)
            .join(' | ')}`,
      );
  });
}

// What the issue asks of every page besides its journey: a light login route, sign-in with the
// keyboard alone, and a name for every control a screen reader announces.

/** Visible controls without an accessible name, described well enough to find them. */
function unnamedControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const visible = (element: Element) => {
      const box = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.opacity !== '0';
    };
    const labelledBy = (element: Element) =>
      (element.getAttribute('aria-labelledby') ?? '')
        .split(/\s+/)
        .filter(Boolean)
        .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
        .join(' ')
        .trim();
    const nameOf = (element: Element): string => {
      const own = element.getAttribute('aria-label')?.trim() || labelledBy(element);
      if (own) return own;
      if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) {
        const fromLabels = [...(element.labels ?? [])].map((label) => label.textContent?.trim()).join(' ');
        return fromLabels.trim() || element.title.trim();
      }
      if (element instanceof HTMLSelectElement) {
        return [...(element.labels ?? [])].map((label) => label.textContent?.trim()).join(' ');
      }
      return (element.textContent ?? '').trim() || (element.getAttribute('title') ?? '').trim();
    };
    const controls = document.querySelectorAll(
      'input:not([type=hidden]):not([type=file]), textarea, select, button, [role=button], [role=combobox], [role=checkbox], [role=radio], [role=switch], [role=tab], a[href]',
    );
    const missing: string[] = [];
    for (const element of controls) {
      if (!visible(element) || element.closest('[aria-hidden=true]')) continue;
      if (nameOf(element) !== '') continue;
      // a control kept out of the tab order inside a named item (pagination arrows) is named by it
      const parent = element.parentElement;
      if (
        element.getAttribute('tabindex') === '-1' &&
        parent &&
        (parent.title || parent.getAttribute('aria-label'))
      )
        continue;
      const id = element.id ? `#${element.id}` : '';
      const classes =
        typeof element.className === 'string' ? element.className.split(/\s+/).slice(0, 2).join('.') : '';
      missing.push(`${element.tagName.toLowerCase()}${id}${classes ? `.${classes}` : ''}`);
    }
    return missing;
  });
}

describe.skipIf(!hasChromium)('weight and accessibility in Chromium', () => {
  let baseUrl = '';
  let browser: Browser;
  useDemoBrowser((url, launched) => {
    baseUrl = url;
    browser = launched;
  });

  it('loads the login route with under 300 KB of gzipped scripts and styles', async () => {
    const page = await openPage(browser, baseUrl);
    const bodies: Promise<{ url: string; bytes: number }>[] = [];
    page.on('response', (response) => {
      const type = response.request().resourceType();
      if (type !== 'script' && type !== 'stylesheet' && type !== 'document') return;
      bodies.push(
        response.body().then((body) => ({ url: response.url(), bytes: gzipSync(body, { level: 9 }).length })),
      );
    });
    await page.goto('/login');
    await page.getByLabel(messages['login.username']).waitFor();
    // whatever the route loads lazily after it appears
    await page.waitForTimeout(1500);
    const loaded = await Promise.all(bodies);
    const total = loaded.reduce((sum, file) => sum + file.bytes, 0);
    console.log(
      `login route: ${loaded.length} files, ${(total / 1024).toFixed(1)} KB gzipped (${loaded
        .map((file) => `${new URL(file.url).pathname} ${(file.bytes / 1024).toFixed(1)}`)
        .join(', ')})`,
    );
    expect(loaded.some((file) => file.url.endsWith('.js'))).toBe(true);
    expect(total).toBeLessThan(300 * 1024);
    await page.context().close();
  });

  it('signs a staff member in with the keyboard alone', async () => {
    const page = await openPage(browser, baseUrl);
    await page.goto('/login');
    const username = page.getByLabel(messages['login.username']);
    await username.waitFor();
    for (
      let i = 0;
      i < 10 && !(await username.evaluate((element) => element === document.activeElement));
      i++
    ) {
      await page.keyboard.press('Tab');
    }
    await page.keyboard.type('staff');
    await page.keyboard.press('Tab');
    expect(
      await page
        .getByLabel(messages['login.password'], { exact: true })
        .evaluate((element) => element === document.activeElement),
    ).toBe(true);
    await page.keyboard.type('demo');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: messages.logout }).waitFor();
    await page.context().close();
  });

  it('gives the login form a name for every control', async () => {
    const page = await openPage(browser, baseUrl);
    await page.goto('/login');
    await page.getByLabel(messages['login.username']).waitFor();
    expect(await unnamedControls(page)).toEqual([]);
    await page.context().close();
  });

  const pagesByRole: [string, string[]][] = [
    [
      'officer',
      [
        '/dashboard',
        '/people',
        '/units',
        '/cycles',
        '/results',
        '/rankings',
        '/flags',
        '/appeals',
        '/imports',
      ],
    ],
    ['head', ['/results', '/emulation']],
    ['admin', ['/accounts', '/audit', '/units']],
    ['staff', ['/my-result']],
  ];
  for (const [role, paths] of pagesByRole) {
    it(`gives every control a name on the ${role}’s pages`, async () => {
      const page = await openPage(browser, baseUrl);
      await signIn(page, role);
      const found: Record<string, string[]> = {};
      for (const path of paths) {
        await page.goto(path);
        await page.getByRole('main').waitFor();
        await page.waitForTimeout(1000);
        const missing = await unnamedControls(page);
        if (missing.length > 0) found[path] = missing;
      }
      expect(found).toEqual({});
      await page.context().close();
    });
  }

  it('gives focus back to the button that opened a dialog closed with Escape', async () => {
    const page = await openPage(browser, baseUrl);
    await signIn(page, 'staff');
    const opener = page.getByRole('button', { name: messages['password.change'], exact: true });
    await opener.click();
    await page.getByRole('dialog').waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await expect
      .poll(() => opener.evaluate((element) => element === document.activeElement), { timeout: 3000 })
      .toBe(true);
    await page.context().close();
  });

  // the demo accounts, one per role, and every page each one's menu offers
  const demoAccounts: [string, Role][] = [
    ['admin', 'ADMIN'],
    ['officer', 'OFFICER'],
    ['head', 'UNIT_HEAD'],
    ['council', 'COUNCIL_MEMBER'],
    ['staff', 'STAFF'],
  ];
  for (const [username, role] of demoAccounts) {
    it(`has no serious or critical axe-core violation on the ${username}’s pages`, {
      timeout: 300_000,
    }, async () => {
      const page = await openPage(browser, baseUrl);
      await signIn(page, username);
      const found: Record<string, string[]> = {};
      for (const { path } of navItemsFor(role)) {
        await page.goto(path);
        await page.getByRole('main').waitFor();
        await page.waitForLoadState('networkidle');
        await page.waitForTimeout(1000);
        const violations = await seriousViolations(page);
        if (violations.length > 0) found[path] = violations;
      }
      if (Object.keys(found).length > 0) console.log(`${username}:`, JSON.stringify(found, null, 2));
      expect(found).toEqual({});
      await page.context().close();
    });
  }
});
