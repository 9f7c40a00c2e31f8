import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './config.ts';

const tsx = path.join(repoRoot, 'node_modules/tsx/dist/cli.mjs');
const main = path.join(repoRoot, 'apps/api/src/main.ts');

function start(
  env: Record<string, string>,
): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsx, main], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'production', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 45_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, stdout });
    });
  });
}

describe('start-up with bad configuration: one line, exit code 1, nothing created', () => {
  it('refuses an invalid PORT', async () => {
    const result = await start({ PORT: 'eighty' });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/PORT="eighty"/);
  });

  it('refuses a port already in use before creating the data folder', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, () => resolve()));
    const port = (blocker.address() as AddressInfo).port;
    const dataDir = path.join(mkdtempSync(path.join(tmpdir(), 'cadre-main-')), 'data');
    const result = await start({ PORT: String(port), DATA_DIR: dataDir });
    blocker.close();
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`port ${port} is already in use`));
    expect(existsSync(dataDir)).toBe(false);
  });

  it('refuses a DATA_DIR that cannot be a folder', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'cadre-main-')), 'a-file');
    writeFileSync(file, 'not a folder');
    const result = await start({ PORT: '0', DATA_DIR: path.join(file, 'data') });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/DATA_DIR=/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('refuses a DATA_DIR nobody can write to, even when run as root', async () => {
    // /proc takes no new folders whatever access() says for root
    const result = await start({ PORT: '0', DATA_DIR: '/proc/cadre-data' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/DATA_DIR=\/proc\/cadre-data: .*cannot write to \/proc/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('refuses an unreachable DATABASE_URL', async () => {
    const result = await start({ PORT: '0', DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/nothing' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/DATABASE_URL/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});
