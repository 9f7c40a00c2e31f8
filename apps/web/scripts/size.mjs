// Gzipped size of what the login route loads: index.html plus the scripts and styles it references
// (entry, modulepreloads, CSS). Budget: 300 KB. `npm run size -w @cadre/web`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const budget = 300 * 1024;
const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
const files = new Set(['index.html']);
for (const match of html.matchAll(/(?:src|href)="\/([^"]+\.(?:js|css))"/g)) files.add(match[1]);

let total = 0;
for (const file of files) {
  const size = gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length;
  total += size;
  console.log(`${(size / 1024).toFixed(1).padStart(8)} KB  ${file}`);
}
console.log(`${(total / 1024).toFixed(1).padStart(8)} KB  login route, gzipped (budget ${budget / 1024} KB)`);
if (total > budget) {
  console.error('Over budget.');
  process.exit(1);
}
