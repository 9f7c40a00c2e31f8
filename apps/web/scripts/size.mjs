// Gzipped size of what the login route loads: index.html plus the scripts and styles it references
// (entry, modulepreloads, CSS). Budget: 200 KB (issue 18). `npm run size -w @cadre/web`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dist = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const budget = 200 * 1024;
const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
const files = new Set(['index.html']);
for (const match of html.matchAll(/(?:src|href)="\/([^"]+\.(?:js|css))"/g)) files.add(match[1]);

let total = 0;
let brotli = 0;
for (const file of files) {
  const content = readFileSync(path.join(dist, file));
  const size = gzipSync(content, { level: 9 }).length;
  total += size;
  brotli += brotliCompressSync(content, {
    params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
  }).length;
  console.log(`${(size / 1024).toFixed(1).padStart(8)} KB  ${file}`);
}
console.log(`${(total / 1024).toFixed(1).padStart(8)} KB  login route, gzipped (budget ${budget / 1024} KB)`);
console.log(`${(brotli / 1024).toFixed(1).padStart(8)} KB  the same with brotli, as the API serves it`);
if (total > budget) {
  console.error('Over budget.');
  process.exit(1);
}
