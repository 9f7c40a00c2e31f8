import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { hasChromium, launchBrowser } from './browser.ts';
import { startApiOn } from './global-setup.ts';

/**
 * The API of one e2e file: started before its tests on a fresh copy of the seeded demo province,
 * stopped after them. Call it first in the file's describe: its beforeAll hands the address over
 * before the file's own hooks run.
 */
export function useDemoServer(started: (baseUrl: string) => void): void {
  let stop: (() => Promise<void>) | undefined;
  let dataDir = '';
  beforeAll(async () => {
    const template = inject('templateDataDir');
    if (!template) return; // no Chromium: the file's tests skip themselves
    dataDir = mkdtempSync(path.join(tmpdir(), 'cadre-web-e2e-'));
    cpSync(template, dataDir, { recursive: true });
    const api = await startApiOn(dataDir);
    stop = api.stop;
    started(api.baseUrl);
  });
  afterAll(async () => {
    await stop?.();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });
}

/**
 * The demo API of one e2e file (useDemoServer) and a Chromium for its pages: both ready before the
 * file's own hooks run, both closed after its tests.
 */
export function useDemoBrowser(started: (baseUrl: string, browser: Browser) => void): void {
  let baseUrl = '';
  let browser: Browser | undefined;
  useDemoServer((url) => {
    baseUrl = url;
  });
  beforeAll(async () => {
    if (!hasChromium) return;
    browser = await launchBrowser();
    started(baseUrl, browser);
  });
  afterAll(async () => {
    await browser?.close();
  });
}
