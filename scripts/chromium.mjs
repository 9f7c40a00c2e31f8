// Where the browser tests find Chromium — the one rule for scripts/test.mjs, .ci/run and
// apps/web/e2e: CHROMIUM_PATH when set, else Debian's /usr/bin/chromium.
// Run as a script it prints the path and exits 0 when Chromium is there, 1 when not.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);
export const chromiumMissing = `Chromium not found at ${chromiumPath} (apt-get install chromium, or set CHROMIUM_PATH)`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(hasChromium ? chromiumPath : chromiumMissing);
  process.exit(hasChromium ? 0 : 1);
}
