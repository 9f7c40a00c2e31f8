import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { hasChromium } from '../../../scripts/chromium.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDataDir: string;
  }
}

const web = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const root = path.resolve(web, '../..');
const api = path.join(root, 'apps/api');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (['node_modules', 'dist', 'e2e'].includes(entry.name) || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds the app unless dist is newer than every source file. */
function buildIfNeeded(): void {
  const built = path.join(web, 'dist/index.html');
  if (existsSync(built) && statSync(built).mtimeMs >= newestMtime(web)) return;
  const result = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    // Vitest sets NODE_ENV=test, which would build React and Ant Design in development mode
    { cwd: web, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } },
  );
  if (result.status !== 0) throw new Error('vite build failed');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the API exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the API did not become healthy within ${timeoutMs / 1000} s`);
}

/** Starts the API (serving the built app) on a free port with this DATA_DIR; resolves once healthy. */
export async function startApiOn(dataDir: string): Promise<{ baseUrl: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'src/main.ts'], {
    cwd: api,
    // warnings and worse: the browser tests' output stays readable (LOG_LEVEL=info shows every request)
    env: {
      LOG_LEVEL: 'warn',
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      NODE_ENV: 'development',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    child.kill('SIGTERM');
    await new Promise((resolve) => {
      if (child.exitCode !== null) resolve(null);
      else child.once('exit', resolve);
      setTimeout(resolve, 10_000);
    });
  };
  try {
    await waitForHealth(baseUrl, child, 240_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, stop };
}

// Builds the app and seeds the demo province once into a template DATA_DIR; each e2e file then
// starts its own API on a copy of it (e2e/server.ts), so no file depends on what another did to
// the demo cycle (one publishes it, another needs it at the heads' step).
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!hasChromium) {
    // the journeys skip themselves; no need for a server
    project.provide('templateDataDir', '');
    return async () => {};
  }
  buildIfNeeded();
  const templateDataDir = mkdtempSync(path.join(tmpdir(), 'cadre-web-e2e-template-'));
  const seeding = await startApiOn(templateDataDir);
  await seeding.stop();
  project.provide('templateDataDir', templateDataDir);
  return async () => {
    rmSync(templateDataDir, { recursive: true, force: true });
  };
}
