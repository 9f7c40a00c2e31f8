import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hasPdfToText } from '../test-support/pdf-text.ts';
import { agencyBlock, councilAgencyBlock } from './agency.ts';
import { dateInWords, renderDocument, renderDocuments } from './layout.ts';
import { amountInWords } from './money-words.ts';
import { provinceAgency, sampleDocuments, samples } from './test-samples.ts';

// Every document rendered from fixed data: its text as laid out (pdftotext -layout) and its fonts
// (pdffonts) must equal the files in golden/. UPDATE_GOLDEN=1 rewrites them after a deliberate
// change of layout; the diff is then reviewed like code.

const goldenDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'golden');
const update = process.env.UPDATE_GOLDEN === '1';
const poppler = hasPdfToText();
const work = mkdtempSync(path.join(tmpdir(), 'cadre-golden-'));

function compare(file: string, actual: string) {
  const target = path.join(goldenDir, file);
  if (update || !existsSync(target)) {
    mkdirSync(goldenDir, { recursive: true });
    writeFileSync(target, actual);
  }
  expect(actual).toBe(readFileSync(target, 'utf8'));
}

describe('documents laid out per Nghị định 30/2020', () => {
  const documents = sampleDocuments();
  for (const [name, document] of Object.entries(documents)) {
    it.skipIf(!poppler)(`${name}: text layout and fonts match the golden files`, async () => {
      const bytes = await renderDocument(document);
      const file = path.join(work, `${name}.pdf`);
      writeFileSync(file, bytes);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      // what a reader checks first: the motto block, and Vietnamese in precomposed form
      expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
      expect(text).toBe(text.normalize('NFC'));
      compare(`${name}.txt`, text);
      const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
      const rows = fonts.trim().split('\n').slice(2);
      // only the shipped serif font, embedded as a subset with a Unicode map
      for (const row of rows)
        expect(row).toMatch(/^[A-Z]{6}\+Tinos-\S+\s+CID TrueType\s+Identity-H\s+yes yes yes/);
      compare(`${name}.fonts.txt`, fonts);
    });
  }

  it.skipIf(!poppler)('numbers pages from the second page, in the top margin', async () => {
    const bytes = await renderDocument(documents['title-decision'] as never);
    const file = path.join(work, 'numbers.pdf');
    writeFileSync(file, bytes);
    const first = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-layout', file, '-'], {
      encoding: 'utf8',
    });
    const second = execFileSync('pdftotext', ['-f', '2', '-l', '2', '-layout', file, '-'], {
      encoding: 'utf8',
    });
    expect(first.trim().split('\n')[0]).not.toMatch(/^\s*1\s*$/);
    expect(second.trim().split('\n')[0]).toMatch(/^\s*2\s*$/);
  });

  it.skipIf(!poppler)('never leaves the signer alone on the last page', async () => {
    const base = documents['rating-decision'];
    if (!base) throw new Error('sample missing');
    // enough articles that the closing would fall just past the end of a page, for any length
    for (let extra = 10; extra < 24; extra += 1) {
      const long = {
        ...base,
        annex: null,
        body: [
          ...base.body,
          ...Array.from({ length: extra }, (_, index) => ({
            kind: 'paragraph' as const,
            text: `Khoản ${index + 1}. Nội dung được thêm để đẩy phần ký xuống cuối trang, kiểm tra phần ký không đứng một mình.`,
          })),
        ],
      };
      const file = path.join(work, `long-${extra}.pdf`);
      writeFileSync(file, await renderDocument(long));
      const pages = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f');
      const last = pages.filter((page) => page.trim()).at(-1) ?? '';
      expect(last).toContain('Đặng Thu Hà');
      // the last page carries body text as well as the closing
      expect(last).toMatch(/Khoản \d+\./);
    }
  });

  it.skipIf(!poppler)(
    'puts the forms of a unit in one PDF, each numbered from its own first page',
    async () => {
      const form = documents['rating-form'];
      if (!form) throw new Error('sample missing');
      const file = path.join(work, 'bulk.pdf');
      writeFileSync(file, await renderDocuments([form, form, form]));
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      expect(text.match(/PHIẾU ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG CÔNG CHỨC/g)).toHaveLength(3);
      const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
      expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    },
  );
});

describe('agency blocks, dates and amounts', () => {
  it('prints the People’s Committee on two lines without a parent, a department under it', () => {
    expect(provinceAgency).toMatchObject({
      parent: null,
      issuer: ['ỦY BAN NHÂN DÂN', 'tỉnh Hòa An'],
      abbreviation: 'UBND',
      place: 'Hòa An',
    });
    expect(agencyBlock(samples.department, [samples.province])).toMatchObject({
      parent: 'UBND tỉnh Hòa An',
      issuer: ['Sở Nội vụ'],
      abbreviation: 'SNV',
      place: 'Hòa An',
    });
    expect(agencyBlock(samples.commune, [samples.province])).toMatchObject({
      parent: null,
      abbreviation: 'UBND',
      place: 'Đông Hưng',
    });
    expect(agencyBlock(samples.division, [samples.department, samples.province])).toMatchObject({
      parent: 'Sở Nội vụ',
      abbreviation: 'PCCVC',
      place: 'Hòa An',
    });
    expect(councilAgencyBlock('Hội đồng Thi đua – Khen thưởng tỉnh', provinceAgency).abbreviation).toBe(
      'HĐTĐKT',
    );
  });

  it('writes dates the decree’s way and amounts in words', () => {
    expect(dateInWords(new Date(Date.UTC(2026, 0, 5)))).toBe('ngày 05 tháng 01 năm 2026');
    expect(dateInWords(new Date(Date.UTC(2026, 11, 2)))).toBe('ngày 02 tháng 12 năm 2026');
    expect(dateInWords(new Date(Date.UTC(2026, 2, 15)))).toBe('ngày 15 tháng 3 năm 2026');
    expect(dateInWords(null, 2026)).toBe('ngày ... tháng ... năm 2026');
    expect(amountInWords(14_274_000)).toBe('Mười bốn triệu hai trăm bảy mươi tư nghìn đồng');
    expect(amountInWords(2_340_000)).toBe('Hai triệu ba trăm bốn mươi nghìn đồng');
    expect(amountInWords(702_000)).toBe('Bảy trăm linh hai nghìn đồng');
    expect(amountInWords(1_005_000)).toBe('Một triệu không trăm linh năm nghìn đồng');
  });
});
