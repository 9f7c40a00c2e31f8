// The page the browser opens first: in Vietnamese, with the product's name in the tab and its own
// icon (a yellow star on a red square), served from the web app's public folder.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../', import.meta.url);
const html = readFileSync(new URL('index.html', root), 'utf8');

describe('index.html', () => {
  it('is Vietnamese, with a Vietnamese title', () => {
    expect(html).toMatch(/<html lang="vi">/);
    expect(html).toMatch(/<title>Đánh giá, xếp loại cán bộ<\/title>/);
  });

  it('names an icon that exists and is an SVG drawing', () => {
    const link = html.match(/<link rel="icon" type="image\/svg\+xml" href="\/([^"]+)"/);
    expect(link?.[1]).toBe('favicon.svg');
    const svg = readFileSync(new URL(`public/${link?.[1]}`, root), 'utf8');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 32 32"/);
    expect(svg).toContain('<polygon');
  });
});
