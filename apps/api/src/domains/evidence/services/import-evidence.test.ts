import { crc32, deflateRawSync, gzipSync } from 'node:zlib';
import { testEngines } from '@cadre/db/testing';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConflictError } from '../../../errors.ts';
import { readZipDirectory } from '../../../imports/read-xlsx.ts';
import { buildViewer, type Viewer } from '../../../scope/viewer.ts';
import { createTestApp, type TestApp } from '../../../test-support/test-app.ts';
import { executeImportBatch, importEvidence } from './import-evidence.ts';

type ZipPart = { name: string; data: Buffer; declaredSize?: number };

/** A zip written by hand, so a test can make one that no archiver would (a bomb, lying sizes). */
function buildZip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const compressed = deflateRawSync(part.data);
    const size = part.declaredSize ?? part.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(part.data), 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(part.data), 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    directory.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directoryBytes, end]);
}

const peopleHeader = 'Mã cán bộ,Họ và tên,Mã đơn vị,Loại cán bộ,Ngày tuyển dụng';

/** A people CSV of `rows` rows, all in unit `unitCode` (which the fixture may not have). */
function peopleCsv(rows: number, unitCode: string, prefix = 'N'): Buffer {
  const lines = [peopleHeader];
  for (let i = 1; i <= rows; i += 1)
    lines.push(`${prefix}${i},Nguyễn Văn Không ${i},${unitCode},Công chức,01/03/2015`);
  return Buffer.from(lines.join('\n'), 'utf8');
}

/** A real people workbook (ExcelJS), its sheet swapped for `sheetXml`; the other parts kept. */
async function workbookWithSheet(sheetXml: Buffer, declaredSize?: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Cán bộ').addRow(peopleHeader.split(','));
  const original = Buffer.from(await workbook.xlsx.writeBuffer());
  const { inflateRawSync } = await import('node:zlib');
  const parts: ZipPart[] = readZipDirectory(original).map((entry) => {
    const at = entry.localHeaderOffset;
    const start = at + 30 + original.readUInt16LE(at + 26) + original.readUInt16LE(at + 28);
    const raw = original.subarray(start, start + entry.compressedSize);
    const data = entry.method === 8 ? inflateRawSync(raw) : raw;
    return entry.name === 'xl/worksheets/sheet1.xml'
      ? { name: entry.name, data: sheetXml, declaredSize }
      : { name: entry.name, data };
  });
  return buildZip(parts);
}

const sheetOpen =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';

describe.each(testEngines())('import limits on %s', (engine) => {
  let app: TestApp;
  let officer: Viewer;

  /** What the upload route answers with: the batch and its first errors. */
  async function upload(content: Buffer, fileName: string) {
    const outcome = await importEvidence({
      prisma: app.services.prisma,
      viewer: officer,
      unitTrees: app.services.unitTrees,
      kind: 'PEOPLE',
      cycleId: null,
      fileName,
      content,
    });
    return { body: { ...outcome.batch, errors: outcome.errors } };
  }

  async function latestBatch() {
    return app.db.prisma.importBatch.findFirstOrThrow({ orderBy: { createdAt: 'desc' } });
  }

  beforeAll(async () => {
    app = await createTestApp(engine);
    const user = await app.db.prisma.user.findUniqueOrThrow({ where: { id: app.fixture.users.officer } });
    officer = buildViewer(
      {
        userId: user.id,
        username: user.username,
        displayName: user.displayName,
        role: user.role,
        personId: null,
        personUnitId: null,
        scopeUnitId: user.scopeUnitId,
        sessionId: 'test',
        csrfToken: 'test',
        councils: [],
      },
      await app.services.unitTrees.get(),
    );
  });
  afterAll(async () => {
    await app.close();
  });

  it('refuses a zip-bomb workbook from its compression ratio before inflating it', async () => {
    // 100 MB of blanks inside the sheet: ≈ 100 KB once deflated, ≈ 1,000:1
    const blanks = Buffer.alloc(100 * 1024 * 1024, 0x20);
    const bomb = await workbookWithSheet(Buffer.concat([Buffer.from(sheetOpen), blanks]));
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const rssBefore = process.memoryUsage().rss;
    const { body } = await upload(bomb, 'bomb.xlsx');
    expect(body.errorCount).toBe(1);
    expect(body.status).toBe('FAILED');
    expect(body.errors[0]?.message).toMatch(/nén bất thường.*tối đa 100 lần.*above the limit of 100:1/);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(200 * 1024 * 1024);
    expect((await latestBatch()).status).toBe('FAILED');
  });

  it('stops inflating a part at its declared size when the zip lies about it', async () => {
    // declares 2 KB (an innocent ratio) but inflates to 20 MB of rows
    const row = '<row><c t="inlineStr"><is><t>x</t></is></c></row>';
    const sheet = Buffer.from(`${sheetOpen}${row.repeat(400_000)}</sheetData></worksheet>`);
    const liar = await workbookWithSheet(sheet, 2048);
    const { body } = await upload(liar, 'liar.xlsx');
    expect(body.status).toBe('FAILED');
    expect(body.errors[0]?.message).toMatch(/khai sai kích thước.*beyond its declared size/);
  });

  it('refuses a workbook whose parts unpack beyond the total limit', async () => {
    const sheet = Buffer.from(`${sheetOpen}</sheetData></worksheet>`);
    const huge = await workbookWithSheet(sheet, 500 * 1024 * 1024);
    const { body } = await upload(huge, 'huge.xlsx');
    expect(body.status).toBe('FAILED');
    expect(body.errors[0]?.message).toMatch(/giải nén quá lớn: 500 MB, tối đa 400 MB/);
  });

  it('refuses a CSV of a million rows at the row limit, and the batch ends FAILED', async () => {
    const content = peopleCsv(1_000_000, 'SA');
    const { body } = await upload(content, 'million.csv');
    expect(body.status, JSON.stringify(body.errors.slice(0, 3))).toBe('FAILED');
    expect(body.errorCount).toBe(1);
    expect(body.errors[0]?.message).toMatch(/quá 200\.000 dòng.*more than 200,000 data rows/);
    const batch = await latestBatch();
    expect(batch.status).toBe('FAILED');
    expect(await app.db.prisma.person.count({ where: { code: { startsWith: 'N' } } })).toBe(0);
  });

  it('reports 150,000 row errors (one a row) without crashing', async () => {
    // every row names a unit that does not exist: more errors than a spread argument list takes
    const { body } = await upload(peopleCsv(150_000, 'KHONG-CO'), 'unknown-units.csv');
    expect(body.status).toBe('FAILED');
    expect(body.totalRows).toBe(150_000);
    expect(body.errorCount).toBe(150_000);
    expect(body.errors[0]).toMatchObject({ row: 2, field: 'Mã đơn vị' });
    expect(
      await app.db.prisma.importRowError.count({ where: { batch: { fileName: 'unknown-units.csv' } } }),
    ).toBe(10_000);
  });

  it('runs one import at a time per user; the second is refused while the first runs', async () => {
    const first = upload(peopleCsv(10_000, 'SA', 'C'), 'first.csv');
    // the second is sent once the first is being validated
    for (let tries = 0; tries < 500; tries += 1) {
      const running = await app.db.prisma.importBatch.findFirst({
        where: { fileName: 'first.csv', status: 'VALIDATING' },
      });
      if (running) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const second = upload(peopleCsv(5, 'SA', 'D'), 'second.csv');
    await expect(second).rejects.toThrow(ConflictError);
    await expect(second).rejects.toThrow(/lần nhập dữ liệu chưa xong.*one import at a time/);
    expect((await first).body.status).toBe('APPLIED');
    // the same user may import again once the first is done
    expect((await upload(peopleCsv(3, 'SA', 'E'), 'after.csv')).body.status).toBe('APPLIED');
  });

  it('a batch left validating by a worker that died holds the user’s next upload; its job carried out again imports it once', async () => {
    const content = peopleCsv(3, 'SA', 'F');
    // what a worker killed half-way leaves: the batch taken, its file, no row written
    const left = await app.db.prisma.importBatch.create({
      data: {
        kind: 'PEOPLE',
        fileName: 'killed.csv',
        fileSize: content.length,
        status: 'VALIDATING',
        totalRows: 2,
        createdById: officer.userId,
        file: { create: { content: new Uint8Array(gzipSync(content)) } },
      },
    });
    await expect(upload(peopleCsv(3, 'SA', 'X'), 'meanwhile.csv')).rejects.toThrow(ConflictError);
    const again = await executeImportBatch({
      prisma: app.services.prisma,
      unitTrees: app.services.unitTrees,
      batchId: left.id,
    });
    expect(again.batch).toMatchObject({ status: 'APPLIED', totalRows: 3, validRows: 3 });
    expect(await app.db.prisma.person.count({ where: { code: { startsWith: 'F' } } })).toBe(3);
    expect(await app.db.prisma.importFile.count({ where: { batchId: left.id } })).toBe(0);
    // a second attempt of the same job (its worker was only slow) writes nothing more
    const twice = await executeImportBatch({
      prisma: app.services.prisma,
      unitTrees: app.services.unitTrees,
      batchId: left.id,
    });
    expect(twice.batch.status).toBe('APPLIED');
    expect(await app.db.prisma.person.count({ where: { code: { startsWith: 'F' } } })).toBe(3);
    expect((await upload(peopleCsv(3, 'SA', 'Y'), 'after-crash.csv')).body.status).toBe('APPLIED');
  });

  it.runIf(engine === 'postgres')(
    'refuses an import while another API process holds the same user’s claim',
    async () => {
      let release: () => void = () => {};
      const released = new Promise<void>((resolve) => {
        release = resolve;
      });
      let held: () => void = () => {};
      const claimed = new Promise<void>((resolve) => {
        held = resolve;
      });
      // another replica: its own connection holds the user's claim for as long as its import runs
      const other = app.db.sql.transaction(async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`import:${officer.userId}`]);
        held();
        await released;
      });
      await claimed;
      await expect(upload(peopleCsv(3, 'SA', 'G'), 'elsewhere.csv')).rejects.toThrow(ConflictError);
      release();
      await other;
      expect((await upload(peopleCsv(3, 'SA', 'H'), 'afterwards.csv')).body.status).toBe('APPLIED');
    },
  );
});
