import { writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { testEngines } from '@cadre/db/testing';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type JobQueue, startJobQueue } from '../jobs/queue.ts';
import { logger } from '../logger.ts';
import { createServer } from '../server.ts';
import { readPdfText, skipWithoutPdfToText } from '../test-support/pdf-text.ts';
import { createTestApp, gid, type TestApp } from '../test-support/test-app.ts';

type UploadBody = {
  batchId: string;
  status: string;
  totalRows: number;
  validRows: number;
  errorCount: number;
  errors: { row: number; field: string; value: string | null; message: string }[];
  errorReport: { xlsx: string; csv: string } | null;
};

async function readWorkbook(buffer: ArrayBuffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer);
  return workbook;
}

function sheetRows(sheet: ExcelJS.Worksheet | undefined): unknown[][] {
  const rows: unknown[][] = [];
  sheet?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe.each(testEngines())('import and export files on %s', (engine) => {
  let app: TestApp;
  let server: Server;
  let smallLimitServer: Server;
  let base: string;
  let smallBase: string;
  let cycleId: string;
  let jobs: JobQueue;

  async function listen(target: Server): Promise<string> {
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', () => resolve()));
    return `http://127.0.0.1:${(target.address() as AddressInfo).port}`;
  }

  async function counts() {
    const { prisma } = app.db;
    return {
      units: await prisma.unit.count(),
      people: await prisma.person.count(),
      tasks: await prisma.task.count(),
      dossiers: await prisma.dossierStat.count(),
      votes: await prisma.citizenVote.count(),
      discipline: await prisma.disciplineDecision.count(),
      infractions: await prisma.infraction.count(),
      initiatives: await prisma.initiative.count(),
    };
  }

  async function upload(
    kind: string,
    content: string | Buffer,
    options: {
      user?: 'officer' | 'head' | 'staff' | 'council' | 'admin';
      fileName?: string;
      cycle?: boolean;
      /** wait for the outcome (?wait=1, the default here), else answered 202 once queued */
      wait?: boolean;
    } = {},
  ): Promise<{ status: number; body: UploadBody }> {
    const form = new FormData();
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    form.append('file', new Blob([new Uint8Array(bytes)]), options.fileName ?? `${kind}.csv`);
    const query = new URLSearchParams({ kind });
    if (options.cycle !== false) query.set('cycleId', cycleId);
    if (options.wait !== false) query.set('wait', '1');
    const response = await fetch(`${base}/api/import?${query}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await app.login(options.user ?? 'officer')}` },
      body: form,
    });
    return { status: response.status, body: (await response.json()) as UploadBody };
  }

  async function get(pathname: string, user: 'officer' | 'head' | 'staff' | 'council' | 'admin' = 'officer') {
    return fetch(`${base}${pathname}`, { headers: { authorization: `Bearer ${await app.login(user)}` } });
  }

  beforeAll(async () => {
    app = await createTestApp(engine);
    // uploads are jobs, carried out by this process's queue as in the API
    jobs = await startJobQueue({
      db: app.db,
      unitTrees: app.services.unitTrees,
      logger,
      databaseUrl: app.db.url ?? undefined,
      rescueEveryMs: 1000,
    });
    app.services.jobs = jobs;
    const cycle = await app.db.prisma.cycle.create({
      data: {
        year: 2026,
        name: 'Năm 2026',
        packId: 'vn-nd335-2025',
        scopeUnitId: app.fixture.units.province,
        status: 'OPEN',
      },
    });
    cycleId = gid('Cycle', cycle.id);
    server = createHttpServer(createServer({ services: app.services, demo: null, yoga: app.yoga }).handler);
    // a long import (a busy machine delays the client's own expiry of idle sockets) must not leave
    // the client a pooled connection the server has closed meanwhile
    server.keepAliveTimeout = 300_000;
    base = await listen(server);
    smallLimitServer = createHttpServer(
      createServer({ services: app.services, demo: null, yoga: app.yoga, uploads: { limit: 1024 } }).handler,
    );
    smallBase = await listen(smallLimitServer);
  });
  afterAll(async () => {
    server.close();
    smallLimitServer.close();
    await jobs?.close();
    await app.close();
  });

  it('serves templates with Vietnamese headers and an example row, as .xlsx and .csv', async () => {
    const xlsx = await get('/api/import/templates/tasks.xlsx');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toMatch(/spreadsheetml/);
    const workbook = await readWorkbook(await xlsx.arrayBuffer());
    const [header, example] = sheetRows(workbook.worksheets[0]);
    expect(header).toContain('Mã nhiệm vụ');
    expect(header).toContain('Hạn hoàn thành');
    expect(example).toContain('NV-2026-001');
    const csv = await get('/api/import/templates/citizen-votes.csv');
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8').slice(1).split('\r\n')[0]).toBe(
      'Mã cán bộ,Nguồn,Rất hài lòng,Hài lòng,Không hài lòng',
    );
    expect((await get('/api/import/templates/nothing.xlsx')).status).toBe(404);
    expect((await fetch(`${base}/api/import/templates/tasks.xlsx`)).status).toBe(401);
  });

  it('applies a good CSV with Vietnamese headers, both date formats and Vietnamese labels', async () => {
    const before = await counts();
    const csv = [
      'Mã nhiệm vụ,Mã cán bộ,Tên nhiệm vụ,Trọng số,Hạn hoàn thành,Ngày hoàn thành,Số sai sót lớn,Có lý do khách quan',
      'T-1,P2,Báo cáo quý I,1,31/03/2026,28/03/2026,0,Không',
      'T-2,P2,Báo cáo quý II,2,2026-06-30,,1,Có',
      'T-3,P3,"=HYPERLINK(""http://x"")",1,30/09/2026,01/10/2026,0,không',
    ].join('\n');
    const { status, body } = await upload('TASKS', csv);
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body).toMatchObject({ status: 'APPLIED', totalRows: 3, validRows: 3, errorCount: 0 });
    const after = await counts();
    expect(after.tasks).toBe(before.tasks + 3);
    const task = await app.db.prisma.task.findFirstOrThrow({ where: { code: 'T-2' } });
    expect(task.dueOn.toISOString().slice(0, 10)).toBe('2026-06-30');
    expect(task.excused).toBe(true);
    expect(task.weight).toBe(2);
    const audit = await app.db.prisma.auditLog.findFirst({ where: { action: 'importEvidence' } });
    expect(audit?.entity).toBe('ImportBatch');
  });

  type BatchView = {
    status: string;
    totalRows: number;
    validRows: number;
    expectedRows: number | null;
    errorCount: number;
    errorReportUrl: string | null;
    errors: {
      totalCount: number;
      edges: {
        node: {
          row: number;
          field: string;
          message: string;
          messageKey: string | null;
          messageParams: unknown;
        };
      }[];
    };
  };

  /** Polls importBatch(id) as the web does, until the batch has finished; every status seen on the way. */
  async function pollBatch(batchId: string): Promise<{ batch: BatchView; seen: string[] }> {
    const seen: string[] = [];
    for (let tries = 0; tries < 600; tries += 1) {
      const result = await app.graphql<{ importBatch: BatchView | null }>(
        'query ($id: ID!) { importBatch(id: $id) { status totalRows validRows expectedRows errorCount errorReportUrl errors(first: 20) { totalCount edges { node { row field message messageKey messageParams } } } } }',
        { id: batchId },
        { token: await app.login('officer') },
      );
      const batch = result.data?.importBatch;
      if (!batch) throw new Error(`importBatch: ${JSON.stringify(result.errors)}`);
      if (seen.at(-1) !== batch.status) seen.push(batch.status);
      if (batch.status === 'APPLIED' || batch.status === 'FAILED') return { batch, seen };
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`batch ${batchId} did not finish: ${seen.join(' → ')}`);
  }

  function tasksCsv(prefix: string, rows: number): string {
    const lines = ['Mã nhiệm vụ,Mã cán bộ,Tên nhiệm vụ,Hạn hoàn thành'];
    for (let i = 1; i <= rows; i += 1) lines.push(`${prefix}-${i},P${2 + (i % 3)},Việc ${i},30/06/2026`);
    return lines.join('\n');
  }

  it('queues an upload (202 QUEUED); its job applies it, and the batch shows the outcome', async () => {
    const before = await counts();
    const { status, body } = await upload('TASKS', tasksCsv('Q', 40), { wait: false });
    expect(status, JSON.stringify(body)).toBe(202);
    expect(body).toMatchObject({ status: 'QUEUED', totalRows: 0, errorCount: 0, errorReport: null });
    const { batch } = await pollBatch(body.batchId);
    expect(batch).toMatchObject({
      status: 'APPLIED',
      totalRows: 40,
      validRows: 40,
      expectedRows: 40,
      errorCount: 0,
    });
    expect((await counts()).tasks).toBe(before.tasks + 40);
    // the file waited in the database for the job, and is gone once the batch finished
    expect(await app.db.prisma.importFile.count()).toBe(0);
  });

  it('a queued file with bad rows ends FAILED with its row report, and writes nothing', async () => {
    const before = await counts();
    const csv = [
      'Mã nhiệm vụ,Mã cán bộ,Tên nhiệm vụ,Hạn hoàn thành',
      'B-1,P2,Việc,31/02/2026',
      'B-2,KHONGCO,Việc,01/03/2026',
    ];
    const { status, body } = await upload('TASKS', csv.join('\n'), { wait: false });
    expect(status).toBe(202);
    const { batch } = await pollBatch(body.batchId);
    expect(batch).toMatchObject({ status: 'FAILED', totalRows: 2, errorCount: 2 });
    expect(batch.errors.edges.map((edge) => edge.node.row)).toEqual([2, 3]);
    expect(batch.errors.edges[0]?.node).toMatchObject({
      message: '"31/02/2026" không phải ngày hợp lệ (dd/MM/yyyy hoặc yyyy-MM-dd)',
      messageKey: 'import.cell.notDate',
      messageParams: { value: '31/02/2026' },
    });
    expect((await get(batch.errorReportUrl ?? '')).status).toBe(200);
    expect(await counts()).toEqual(before);
  });

  it('refuses a second upload of the same user while the first is queued or running', async () => {
    const first = await upload('TASKS', tasksCsv('R', 20_000), { wait: false });
    expect(first.status).toBe(202);
    const second = await upload('TASKS', tasksCsv('S', 3), { wait: false });
    expect(second.status).toBe(409);
    expect(JSON.stringify(second.body)).toMatch(/lần nhập dữ liệu chưa xong.*one import at a time/);
    const { batch, seen } = await pollBatch(first.body.batchId);
    expect(batch.status, JSON.stringify(batch.errors)).toBe('APPLIED');
    expect(seen.at(-1)).toBe('APPLIED');
    // the same user may upload again once it is done
    expect((await upload('TASKS', tasksCsv('S', 3))).status).toBe(200);
  }, 120_000);

  it('accepts English header names and .xlsx uploads', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('x');
    sheet.addRow(['personCode', 'kind', 'occurredOn', 'note']);
    sheet.addRow(['P3', 'Đi muộn', new Date(Date.UTC(2026, 3, 1)), 'lần 1']);
    sheet.addRow(['P4', 'COMPLAINT_UPHELD', '15/05/2026', null]);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const { status, body } = await upload('infractions', buffer, { fileName: 'vi-pham.xlsx' });
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body.validRows).toBe(2);
    const rows = await app.db.prisma.infraction.findMany({ orderBy: { occurredOn: 'asc' } });
    expect(rows.map((row) => row.kind)).toEqual(['LATE', 'COMPLAINT_UPHELD']);
  });

  it('refuses a file with bad dates, unknown people and duplicated rows, writes nothing and reports every row', async () => {
    const before = await counts();
    const csv = [
      'Mã nhiệm vụ,Mã cán bộ,Tên nhiệm vụ,Hạn hoàn thành',
      'N-1,P2,Việc một,31/02/2026',
      'N-2,KHONGCO,Việc hai,01/03/2026',
      'N-3,P2,Việc ba,01/03/2026',
      'N-3,P2,Việc ba lặp,01/03/2026',
      'T-1,P2,Đã có,01/03/2026',
      'N-4,P2,Tốt,01/04/2026',
    ].join('\n');
    const { status, body } = await upload('TASKS', csv);
    expect(status).toBe(422);
    expect(body.status).toBe('FAILED');
    expect(body.totalRows).toBe(6);
    const byRow = new Map(body.errors.map((error) => [error.row, error]));
    expect(byRow.get(2)?.message).toMatch(/không phải ngày hợp lệ/);
    expect(byRow.get(3)?.message).toMatch(/KHONGCO|Không có cán bộ/);
    expect(byRow.get(5)?.message).toMatch(/Trùng với dòng 4/);
    expect(byRow.get(6)?.message).toMatch(/Đã có/);
    expect(byRow.has(7)).toBe(false);
    expect(await counts()).toEqual(before);
    const batch = await app.db.prisma.importBatch.findFirstOrThrow({
      where: { status: 'FAILED' },
      include: { errors: true },
      orderBy: { createdAt: 'desc' },
    });
    expect(batch.errors.length).toBe(body.errorCount);

    const report = await get(body.errorReport?.xlsx ?? '');
    expect(report.status).toBe(200);
    const rows = sheetRows((await readWorkbook(await report.arrayBuffer())).worksheets[0]);
    expect(rows.some((row) => row[0] === 2 && String(row[3]).includes('ngày'))).toBe(true);
    const csvReport = await get(body.errorReport?.csv ?? '');
    expect(await csvReport.text()).toContain('Trùng với dòng 4');
    // another person's batch is invisible to staff
    expect((await get(body.errorReport?.xlsx ?? '', 'staff')).status).toBe(404);
  });

  it('refuses wrong columns before reading any row', async () => {
    const before = await counts();
    const { status, body } = await upload('TASKS', 'Mã cán bộ,Cột lạ\nP2,1\n');
    expect(status).toBe(422);
    expect(body.errors.map((error) => error.message).join('\n')).toMatch(
      /Cột lạ[\s\S]*Thiếu cột bắt buộc "Mã nhiệm vụ"/,
    );
    expect(await counts()).toEqual(before);
  });

  it('imports units and people referencing each other, and refuses unknown units', async () => {
    const units =
      'Mã đơn vị,Tên đơn vị,Loại đơn vị,Mã đơn vị cấp trên\nSA2,Phòng A2,"Phòng, ban",SA\nSA2-1,Tổ 1,DIVISION,SA2\n';
    const first = await upload('UNITS', units, { cycle: false });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const people = [
      'Mã cán bộ,Họ và tên,Mã đơn vị,Loại cán bộ,Ngày tuyển dụng,Giới tính',
      'P9,Hoàng Văn Chín,SA2-1,Công chức,01/06/2020,Nam',
      'P10,Đỗ Thị Mười,NOWHERE,Viên chức,01/06/2020,Nữ',
    ].join('\n');
    const before = await counts();
    const refused = await upload('PEOPLE', people, { cycle: false });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ row: 3, field: 'Mã đơn vị', value: 'NOWHERE' }),
    ]);
    expect(await counts()).toEqual(before);
  });

  it('lets a unit head load evidence only for their own scope, and never staff or the organisation', async () => {
    const csv = 'Mã cán bộ,Rất hài lòng,Hài lòng,Không hài lòng\nP3,10,5,1\n';
    const outside = await upload('CITIZEN_VOTES', csv, { user: 'head' });
    expect(outside.status).toBe(422);
    expect(outside.body.errors[0]?.message).toMatch(/phạm vi/);
    const inside = await upload('CITIZEN_VOTES', 'Mã cán bộ,Rất hài lòng\nP5,10\n', { user: 'head' });
    expect(inside.status).toBe(200);
    expect((await upload('UNITS', 'x', { user: 'head', cycle: false })).status).toBe(403);
    expect((await upload('TASKS', 'x', { user: 'staff' })).status).toBe(403);
    expect((await upload('TASKS', 'x', { user: 'council' })).status).toBe(403);
  });

  it('refuses uploads over the size limit with 413 before reading them', async () => {
    const before = await counts();
    const big = await fetch(`${base}/api/import?kind=TASKS&cycleId=${encodeURIComponent(cycleId)}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await app.login('officer')}`, 'content-type': 'text/csv' },
      body: Buffer.alloc(50 * 1024 * 1024 + 1, 'a'),
    }).catch((error: unknown) => error);
    if (big instanceof Response) {
      expect(big.status).toBe(413);
      expect(((await big.json()) as { error: string }).error).toMatch(/50 MB/);
    }
    const streamed = await fetch(
      `${smallBase}/api/import?kind=TASKS&cycleId=${encodeURIComponent(cycleId)}`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${await app.login('officer')}`, 'content-type': 'text/csv' },
        body: Buffer.alloc(4096, 'a'),
      },
    );
    expect(streamed.status).toBe(413);
    expect(await counts()).toEqual(before);
  });

  it('names the header when a raw upload gives a file name that is not percent-encoded', async () => {
    const response = await fetch(`${base}/api/import?kind=TASKS&cycleId=${encodeURIComponent(cycleId)}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await app.login('officer')}`,
        'content-type': 'text/csv',
        'x-file-name': 'nhiem-vu-%E0%A4%A.csv',
      },
      body: 'x',
    });
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain('x-file-name');
  });

  it('shows batches and their progress through GraphQL', async () => {
    const result = await app.graphql<{
      importBatches: {
        totalCount: number;
        edges: { node: { id: string; status: string; errorCount: number } }[];
      };
    }>(
      '{ importBatches(first: 50) { totalCount edges { node { id status errorCount totalRows validRows } } } }',
      undefined,
      {
        token: await app.login('officer'),
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.importBatches.totalCount).toBeGreaterThan(3);
    const failed = result.data?.importBatches.edges.find((edge) => edge.node.status === 'FAILED');
    const one = await app.graphql<{
      importBatch: { errorReportUrl: string; errors: { totalCount: number } };
    }>(
      'query ($id: ID!) { importBatch(id: $id) { errorReportUrl errors(first: 5) { totalCount edges { node { row field message } } } } }',
      { id: failed?.node.id },
      { token: await app.login('officer') },
    );
    expect(one.data?.importBatch.errors.totalCount).toBe(failed?.node.errorCount);
    expect((await get(one.data?.importBatch.errorReportUrl ?? '')).status).toBe(200);
    const staff = await app.graphql<{ importBatches: { totalCount: number } }>(
      '{ importBatches(first: 5) { totalCount } }',
      undefined,
      { token: await app.login('staff') },
    );
    expect(staff.data?.importBatches.totalCount).toBe(0);
  });

  describe('exports', () => {
    let printed: { form: Buffer; list: Buffer } | undefined;

    beforeAll(async () => {
      const { prisma } = app.db;
      const cycle = await prisma.cycle.update({
        where: { id: (await prisma.cycle.findFirstOrThrow()).id },
        data: { status: 'PUBLISHED', publishedAt: new Date() },
      });
      const rows = [
        {
          personId: app.fixture.people.binh,
          unitId: app.fixture.units.dept1a,
          score: 92.5,
          rating: 'EXCELLENT' as const,
        },
        {
          personId: app.fixture.people.cuong,
          unitId: app.fixture.units.dept2,
          score: 75,
          rating: 'GOOD' as const,
        },
        {
          personId: app.fixture.people.em,
          unitId: app.fixture.units.dept1,
          score: 45,
          rating: 'NOT_COMPLETED' as const,
        },
      ];
      for (const row of rows) {
        await prisma.evaluationResult.create({
          data: {
            cycleId: cycle.id,
            personId: row.personId,
            unitId: row.unitId,
            score: row.score,
            components: { tasks: row.score * 0.7, conduct: 9, reform: 8, citizens: 10 },
            proposedRating: row.rating,
            engineRating: row.rating,
            finalRating: row.rating,
            titles: row.rating === 'EXCELLENT' ? ['LDTT', 'CSTDCS'] : [],
            trace: [],
          },
        });
      }
      await prisma.selfAssessment.create({
        data: {
          cycleId: cycle.id,
          personId: app.fixture.people.binh,
          achievements: 'Hoàn thành 100% nhiệm vụ được giao, đúng hạn',
          proposedRating: 'EXCELLENT',
          submittedAt: new Date(),
        },
      });
      await prisma.person.update({
        where: { id: app.fixture.people.cuong },
        data: { fullName: '=cmd|calc' },
      });
    });

    it('exports results to an .xlsx that reads back with Vietnamese headers and labels, scope-checked', async () => {
      const response = await get(`/api/export/results.xlsx?cycleId=${encodeURIComponent(cycleId)}`);
      expect(response.status).toBe(200);
      const workbook = await readWorkbook(await response.arrayBuffer());
      const rows = sheetRows(workbook.getWorksheet('Kết quả xếp loại'));
      const header = rows.find((row) => row.includes('Họ và tên')) ?? [];
      expect(header).toContain('Xếp loại');
      const binh = rows.find((row) => row.includes('Trần Thị Bình'));
      expect(binh).toContain('Hoàn thành xuất sắc nhiệm vụ');
      expect(binh).toContain('Lao động tiên tiến; Chiến sĩ thi đua cơ sở');
      // formula injection neutralised
      expect(rows.some((row) => row.includes("'=cmd|calc"))).toBe(true);

      const head = await readWorkbook(
        await (
          await get(`/api/export/results.xlsx?cycleId=${encodeURIComponent(cycleId)}`, 'head')
        ).arrayBuffer(),
      );
      const headNames = sheetRows(head.getWorksheet('Kết quả xếp loại')).map((row) => row[2]);
      expect(headNames).toContain('Trần Thị Bình');
      expect(headNames).not.toContain("'=cmd|calc");
      const staff = await readWorkbook(
        await (
          await get(`/api/export/results.xlsx?cycleId=${encodeURIComponent(cycleId)}`, 'staff')
        ).arrayBuffer(),
      );
      const staffRows = sheetRows(staff.getWorksheet('Kết quả xếp loại')).filter(
        (row) => typeof row[0] === 'number',
      );
      expect(staffRows).toHaveLength(1);
      const outside = await get(
        `/api/export/results.xlsx?cycleId=${encodeURIComponent(cycleId)}&unitId=${encodeURIComponent(gid('Unit', app.fixture.units.dept2))}`,
        'head',
      );
      expect(outside.status).toBe(404);
      expect(
        (await fetch(`${base}/api/export/results.xlsx?cycleId=${encodeURIComponent(cycleId)}`)).status,
      ).toBe(401);
    });

    it('prints the rating form, the unit list and the decision list as PDFs with Vietnamese text', async () => {
      const form = await get(
        `/api/export/rating-form.pdf?cycleId=${encodeURIComponent(cycleId)}&personId=${encodeURIComponent(gid('Person', app.fixture.people.binh))}`,
        'staff',
      );
      expect(form.status).toBe(200);
      expect(form.headers.get('content-type')).toBe('application/pdf');
      const pdf = Buffer.from(await form.arrayBuffer());
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const list = Buffer.from(
        await (
          await get(`/api/export/unit-ratings.pdf?cycleId=${encodeURIComponent(cycleId)}`)
        ).arrayBuffer(),
      );
      const decisions = await get(`/api/export/title-decisions.pdf?cycleId=${encodeURIComponent(cycleId)}`);
      expect(decisions.status).toBe(200);
      // staff cannot print someone else's form
      const other = await get(
        `/api/export/rating-form.pdf?cycleId=${encodeURIComponent(cycleId)}&personId=${encodeURIComponent(gid('Person', app.fixture.people.cuong))}`,
        'staff',
      );
      expect(other.status).toBe(404);

      // a developer's look at the printed form: CADRE_KEEP_PDF=/tmp/form.pdf
      if (process.env.CADRE_KEEP_PDF) writeFileSync(process.env.CADRE_KEEP_PDF, pdf);
      // the shipped serif font (Tinos) is embedded (a subset) and the Vietnamese text drawn with it
      expect(pdf.toString('latin1')).toMatch(/Tinos-Regular/);
      printed = { form: pdf, list };
    });

    it('the printed form and unit list read back in Vietnamese (pdftotext)', (context) => {
      skipWithoutPdfToText(context);
      if (!printed) throw new Error('the PDF test before this one printed nothing');
      const text = readPdfText(printed.form, { layout: true });
      expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
      expect(text).toContain('PHIẾU ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG');
      expect(text).toContain('Trần Thị Bình');
      expect(text).toContain('Hoàn thành xuất sắc nhiệm vụ');
      const listText = readPdfText(printed.list, { layout: true });
      expect(listText).toContain('DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG');
      expect(listText).toContain('Không hoàn thành nhiệm vụ');
    });
  });
});
