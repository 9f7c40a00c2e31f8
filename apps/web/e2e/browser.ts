import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { chromiumPath } from '../../../scripts/chromium.mjs';
import { vi as messages } from '../src/i18n/vi.ts';

// CHROMIUM_PATH, else /usr/bin/chromium: the same rule as scripts/test.mjs and .ci/run
export { chromiumMissing, chromiumPath, hasChromium } from '../../../scripts/chromium.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const screenshots = path.join(root, 'test-artifacts/screenshots');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh context (no cookies) at laptop size, in Vietnamese. */
export async function openPage(browser: Browser, baseUrl: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 1366, height: 768 },
    locale: 'vi-VN',
  });
  return context.newPage();
}

export async function signIn(page: Page, username: string, password = 'demo'): Promise<void> {
  await page.goto('/login');
  await page.getByLabel(messages['login.username']).fill(username);
  await page.getByLabel(messages['login.password'], { exact: true }).fill(password);
  await page.getByRole('button', { name: messages['login.submit'] }).click();
  await page.getByRole('button', { name: messages.logout }).waitFor();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: path.join(screenshots, `${name}.png`) });
}

/** GraphQL as a script would call it (bearer token), to prepare state the journey does not cover. */
export async function callGraphql<T>(
  baseUrl: string,
  username: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const post = async (body: unknown, token?: string) => {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    return (await response.json()) as { data?: unknown; errors?: { message: string }[] };
  };
  const login = await post({
    query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
    variables: { u: username, p: 'demo' },
  });
  const token = (login.data as { login: { token: string } } | undefined)?.login.token;
  if (!token) throw new Error(`cannot sign in as ${username}`);
  const result = await post({ query, variables }, token);
  if (result.errors?.length) throw new Error(result.errors.map((error) => error.message).join('; '));
  return result.data as T;
}

export { messages };
