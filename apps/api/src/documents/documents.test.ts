import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { testEngines } from '@cadre/db/testing';
import { nationalExportDueOn } from '@cadre/rules';
import Ajv from 'ajv';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../config.ts';
import type { Viewer } from '../scope/viewer.ts';
import { createServer } from '../server.ts';
import { hasPdfToText } from '../test-support/pdf-text.ts';
import { createTestApp, gid, type TestApp } from '../test-support/test-app.ts';
import { listNationalDeadlines } from './national-export.ts';

// The documents of a cycle through the HTTP API on both engines: who may print what (never a
// person outside the viewer's scope), the issued and signed decision, verification of an upload,
// the council's records with counts only, the answer to an appeal, the report as PDF and .xlsx,
// and the national personnel database export with its record and deadline.

type User = 'officer' | 'head' | 'staff' | 'council' | 'admin';
const poppler = hasPdfToText();
const run = promisify(execFile);
const work = mkdtempSync(path.join(tmpdir(), 'cadre-docs-'));

function pdfText(bytes: Buffer, name: string): string {
  const file = path.join(work, `${name}-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

/** pdffonts of a PDF: every font is the shipped serif, embedded as a subset. */
function onlyShippedFont(bytes: Buffer): boolean {
  const file = path.join(work, `fonts-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, bytes);
  const rows = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
  return (
    rows.length > 0 &&
    rows.every((row) => /^[A-Z]{6}\+Tinos-\S+\s+CID TrueType\s+Identity-H\s+yes yes yes/.test(row))
  );
}

/** The text as running words: line breaks and layout spaces collapsed. */
function words(text: string): string {
  return text.replace(/\s+/g, ' ');
}

function hasLibreOffice(): string | null {
  for (const command of ['libreoffice', 'soffice']) {
    if (spawnSync(command, ['--version'], { stdio: 'ignore' }).status === 0) return command;
  }
  return null;
}

describe.each(testEngines())('documents of a cycle on %s', (engine) => {
  let app: TestApp;
  let server: Server;
  let base: string;
  let cycleId: string;
  let rawCycleId: string;
  let decisionId: string;
  let sessionId: string;
  let appealId: string;

  async function get(pathname: string, user: User = 'officer') {
    return fetch(`${base}${pathname}`, { headers: { authorization: `Bearer ${await app.login(user)}` } });
  }
  async function post(pathname: string, body: BodyInit | null, user: User = 'officer') {
    return fetch(`${base}${pathname}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await app.login(user)}` },
      body,
    });
  }
  const bytes = async (response: Response) => Buffer.from(await response.arrayBuffer());
  const q = (params: Record<string, string>) => new URLSearchParams(params).toString();

  beforeAll(async () => {
    app = await createTestApp(engine);
    const { prisma } = app.db;
    const { people, units, users } = app.fixture;
    await prisma.person.update({
      where: { id: people.an },
      data: { positionTitle: 'Giám đốc Sở', personalId: '001080000001' },
    });
    await prisma.person.update({
      where: { id: people.binh },
      data: { personalId: '001090000002', gender: 'FEMALE' },
    });
    await prisma.person.update({
      where: { id: people.em },
      data: { personalId: '001090000005', gender: 'MALE' },
    });
    const cycle = await prisma.cycle.create({
      data: {
        year: 2026,
        name: 'Năm 2026',
        packId: 'vn-nd335-2025',
        scopeUnitId: units.province,
        status: 'PUBLISHED',
        publishedAt: new Date('2026-12-01T08:00:00Z'),
      },
    });
    rawCycleId = cycle.id;
    cycleId = gid('Cycle', cycle.id);
    const results = [
      { personId: people.an, unitId: units.dept1, score: 91, rating: 'EXCELLENT' as const },
      { personId: people.binh, unitId: units.dept1a, score: 88.2, rating: 'GOOD' as const },
      { personId: people.cuong, unitId: units.dept2, score: 75, rating: 'GOOD' as const },
      { personId: people.em, unitId: units.dept1, score: 45, rating: 'NOT_COMPLETED' as const },
    ];
    const created: Record<string, string> = {};
    for (const row of results) {
      const result = await prisma.evaluationResult.create({
        data: {
          cycleId: cycle.id,
          personId: row.personId,
          unitId: row.unitId,
          score: row.score,
          components: { tasks: row.score - 27, conduct: 9, reform: 9, citizens: 9 },
          periods: [1, 2, 3, 4].map((period) => ({
            period,
            score: row.score,
            components: { tasks: row.score - 27, conduct: 9, reform: 9, citizens: 9 },
          })),
          proposedRating: row.rating,
          engineRating: row.rating,
          finalRating: row.rating,
          trace: [],
        },
      });
      created[row.personId] = result.id;
    }
    await prisma.selfAssessment.create({
      data: {
        cycleId: cycle.id,
        personId: people.binh,
        achievements: 'Hoàn thành 100% nhiệm vụ được giao, đúng hạn',
        proposedRating: 'EXCELLENT',
        submittedAt: new Date('2026-11-20T02:00:00Z'),
      },
    });
    await prisma.headAssessment.create({
      data: {
        cycleId: cycle.id,
        personId: people.binh,
        conductAssessment: 9,
        comment: 'Chủ động, trách nhiệm',
        assessedById: users.head,
      },
    });
    const proposal = await prisma.titleProposal.create({
      data: {
        cycleId: cycle.id,
        title: 'LDTT',
        personId: people.binh,
        reason: 'Hoàn thành tốt',
        eligible: true,
        status: 'DECIDED',
      },
    });
    const decision = await prisma.titleDecision.create({
      data: {
        cycleId: cycle.id,
        number: '250/QĐ-UBND',
        decidedOn: new Date('2026-12-02'),
        signedBy: 'Nguyễn Văn An',
        awards: { create: [{ title: 'LDTT', personId: people.binh, proposalId: proposal.id }] },
      },
    });
    decisionId = decision.id;
    const council = await prisma.council.findFirstOrThrow();
    const member = await prisma.councilMember.findFirstOrThrow({ where: { councilId: council.id } });
    const session = await prisma.councilSession.create({
      data: {
        councilId: council.id,
        cycleId: cycle.id,
        number: '01',
        heldOn: new Date('2026-11-30'),
        status: 'CLOSED',
        quorum: 1,
      },
    });
    sessionId = session.id;
    const ballot = await prisma.ballot.create({
      data: {
        sessionId: session.id,
        proposalId: proposal.id,
        status: 'CLOSED',
        thresholdPercent: 90,
        members: 1,
        forCount: 1,
        againstCount: 0,
        abstainCount: 0,
        result: 'PASSED',
      },
    });
    await prisma.ballotParticipation.create({ data: { ballotId: ballot.id, memberId: member.id } });
    await prisma.ballotVote.create({ data: { ballotId: ballot.id, choice: 'FOR' } });
    const appeal = await prisma.appeal.create({
      data: {
        cycleId: cycle.id,
        personId: people.binh,
        resultId: created[people.binh] ?? '',
        reason: 'Đề nghị xem xét lại vì đã có sáng kiến được công nhận.',
        requested: 'EXCELLENT',
        status: 'REJECTED',
        outcome: 'Sáng kiến được công nhận sau năm đánh giá.',
        decidedById: users.officer,
        decidedAt: new Date('2026-12-03T03:00:00Z'),
      },
    });
    appealId = appeal.id;
    server = createHttpServer(createServer({ services: app.services, demo: null, yoga: app.yoga }).handler);
    // a slow step (LibreOffice) must not leave the client a pooled connection the server has closed
    server.keepAliveTimeout = 300_000;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.close();
    await app.close();
  });

  it('prints a rating form for the person, their head and the officer; nobody outside scope', async () => {
    const form = (user: User, personId: string) =>
      get(`/api/documents/rating-forms.pdf?${q({ cycleId, personId: gid('Person', personId) })}`, user);
    for (const user of ['staff', 'head', 'officer'] as const) {
      const response = await form(user, app.fixture.people.binh);
      expect(response.status).toBe(200);
      if (poppler) {
        const pdf = await bytes(response);
        expect(onlyShippedFont(pdf)).toBe(true);
        const text = pdfText(pdf, 'form');
        expect(text).toContain('PHIẾU ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG CÔNG CHỨC');
        expect(text).toContain('Trần Thị Bình');
        // the department is in the header, under the province
        expect(text).toMatch(/UBND TỈNH THỬ NGHIỆM/);
        expect(text).toContain('SỞ A');
        expect(text).toContain('Phòng A1 – Sở A');
        expect(text).toMatch(/Quý I\s+Quý II/);
        expect(text).toContain('Chủ động, trách nhiệm');
        expect(text).not.toContain('Hệ thống đề xuất');
      }
    }
    // staff: not a colleague's; head: not someone in another department
    expect((await form('staff', app.fixture.people.em)).status).toBe(404);
    expect((await form('head', app.fixture.people.cuong)).status).toBe(404);
    expect((await get(`/api/documents/rating-forms.pdf?${q({ cycleId })}`)).status).toBe(404);
  });

  it('prints every form of a unit in one PDF, only the people in the head’s scope', async () => {
    const response = await get(
      `/api/documents/rating-forms.pdf?${q({ cycleId, unitId: gid('Unit', app.fixture.units.dept1) })}`,
      'head',
    );
    expect(response.status).toBe(200);
    if (poppler) {
      const text = pdfText(await bytes(response), 'bulk');
      expect(text.match(/PHIẾU ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG/g)).toHaveLength(3);
      for (const name of ['Nguyễn Văn An', 'Trần Thị Bình', 'Nguyễn Văn Em']) expect(text).toContain(name);
      expect(text).not.toContain('Lê Văn Cường');
    }
    const other = await get(
      `/api/documents/rating-forms.pdf?${q({ cycleId, unitId: gid('Unit', app.fixture.units.dept2) })}`,
      'head',
    );
    expect(other.status).toBe(404);
    const staff = await get(
      `/api/documents/rating-forms.pdf?${q({ cycleId, unitId: gid('Unit', app.fixture.units.dept1a) })}`,
      'staff',
    );
    expect(staff.status).toBe(403);
  });

  it('prints the rating decision and the title decision with articles, annex and reward money', async () => {
    const rating = await get(`/api/documents/rating-decision.pdf?${q({ cycleId })}`);
    expect(rating.status).toBe(200);
    expect((await get(`/api/documents/rating-decision.pdf?${q({ cycleId })}`, 'staff')).status).toBe(403);
    const title = await get(
      `/api/documents/title-decision.pdf?${q({ cycleId, decisionId: gid('TitleDecision', decisionId) })}`,
      'staff',
    );
    expect(title.status).toBe(200);
    if (poppler) {
      const text = pdfText(await bytes(rating), 'rating');
      expect(text).toContain('Về việc công nhận kết quả đánh giá, xếp loại chất lượng năm 2026');
      expect(text).toMatch(/Hoàn thành xuất sắc nhiệm vụ: 1 người, chiếm 25%/);
      expect(text).toContain('Điều 3.');
      const titlePdf = await bytes(title);
      expect(onlyShippedFont(titlePdf)).toBe(true);
      const decision = pdfText(titlePdf, 'title');
      expect(decision).toContain('Số: 250/QĐ-UBND');
      expect(decision).toContain('Căn cứ Luật Thi đua, khen thưởng');
      expect(decision).toContain('702.000');
      expect(words(decision)).toContain('Bảy trăm linh hai nghìn đồng');
      expect(decision).toContain('Nơi nhận:');
      expect(decision).toContain('CHỦ TỊCH');
    }
  });

  it('issues the title decision signed, keeps it, and verifies it; a changed byte breaks it', async () => {
    const response = await post(
      `/api/documents/issue?${q({ cycleId, kind: 'TITLE_DECISION', decisionId: gid('TitleDecision', decisionId) })}`,
      null,
    );
    expect(response.status).toBe(200);
    const signed = await bytes(response);
    expect(response.headers.get('x-document-sha256')).toBe(createHash('sha256').update(signed).digest('hex'));
    const id = response.headers.get('x-document-id') ?? '';
    const again = await get(`/api/documents/issued/${id}.pdf`, 'staff');
    expect(Buffer.compare(await bytes(again), signed)).toBe(0);
    // issuing again returns the same document, not a second number
    const second = await post(
      `/api/documents/issue?${q({ cycleId, kind: 'TITLE_DECISION', decisionId: gid('TitleDecision', decisionId) })}`,
      null,
    );
    expect(second.headers.get('x-document-id')).toBe(id);
    expect(await app.db.prisma.issuedDocument.count({ where: { kind: 'TITLE_DECISION' } })).toBe(1);

    const verify = await post('/api/documents/verify', new Uint8Array(signed), 'staff');
    const check = (await verify.json()) as Record<string, unknown>;
    expect(check).toMatchObject({ signed: true, valid: true, coversWholeFile: true, demo: true });
    expect(String(check.signerName)).toMatch(/^DEMO/);
    expect(typeof check.signedAt).toBe('string');
    const changed = Buffer.from(signed);
    const at = changed.indexOf('/Producer') + 12;
    changed[at] = (changed[at] ?? 0) ^ 1;
    const broken = (await (
      await post('/api/documents/verify', new Uint8Array(changed), 'staff')
    ).json()) as Record<string, unknown>;
    expect(broken.valid).toBe(false);
    if (poppler) {
      const file = path.join(work, `issued-${engine}.pdf`);
      writeFileSync(file, signed);
      expect(spawnSync('pdfsig', [file], { encoding: 'utf8' }).stdout).toContain('Signature is Valid.');
    }
  });

  it('numbers issued decisions in one register of the issuer: after 250 come 251, 252', async () => {
    const first = await post(`/api/documents/issue?${q({ cycleId, kind: 'RATING_DECISION' })}`, null);
    const second = await post(`/api/documents/issue?${q({ cycleId, kind: 'RATING_DECISION' })}`, null);
    expect(decodeURIComponent(first.headers.get('x-document-number') ?? '')).toBe('251/QĐ-UBND');
    expect(decodeURIComponent(second.headers.get('x-document-number') ?? '')).toBe('252/QĐ-UBND');
    expect(
      (await post(`/api/documents/issue?${q({ cycleId, kind: 'RATING_DECISION' })}`, null, 'head')).status,
    ).toBe(403);
  });

  it('prints the minutes and the ballot count of a session with counts, never who voted how', async () => {
    for (const kind of ['council-minutes', 'ballot-count']) {
      const response = await get(
        `/api/documents/${kind}.pdf?${q({ sessionId: gid('CouncilSession', sessionId) })}`,
        'council',
      );
      expect(response.status).toBe(200);
      if (poppler) {
        const text = pdfText(await bytes(response), kind);
        expect(text).toContain('BIÊN BẢN');
        expect(text).toContain('Trần Thị Bình');
        expect(text).toMatch(/Đạt/);
        expect(text).toMatch(/Số thành viên có mặt: 1\/1/);
      }
    }
    expect(
      (
        await get(
          `/api/documents/council-minutes.pdf?${q({ sessionId: gid('CouncilSession', sessionId) })}`,
          'staff',
        )
      ).status,
    ).toBe(404);
  });

  it('prints the answer to an appeal for the appellant', async () => {
    const response = await get(
      `/api/documents/appeal-answer.pdf?${q({ appealId: gid('Appeal', appealId) })}`,
      'staff',
    );
    expect(response.status).toBe(200);
    if (poppler) {
      const text = pdfText(await bytes(response), 'appeal');
      expect(text).toContain('V/v trả lời kiến nghị về kết quả');
      expect(text).toContain('Kính gửi: Bà Trần Thị Bình');
      expect(words(text)).toContain('không chấp nhận kiến nghị');
    }
    expect(
      (await get(`/api/documents/appeal-answer.pdf?${q({ appealId: gid('Appeal', appealId) })}`, 'council'))
        .status,
    ).toBe(404);
  });

  it('reports the cycle as PDF and .xlsx with the same counts', async () => {
    const pdf = await get(`/api/documents/cycle-report.pdf?${q({ cycleId })}`);
    expect(pdf.status).toBe(200);
    if (poppler) expect(pdfText(await bytes(pdf), 'report')).toMatch(/Tổng số được đánh giá: 4 người/);
    const xlsx = await get(`/api/documents/cycle-report.xlsx?${q({ cycleId })}`);
    expect(xlsx.status).toBe(200);
    const content = await bytes(xlsx);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    workbook.getWorksheet('Theo đơn vị')?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows.find((row) => row[0] === 'Tổng số')?.[1]).toBe(4);
    expect(workbook.getWorksheet('Danh hiệu')?.getRow(2).values).toContain(702_000);
  });

  // counted as skipped where LibreOffice is not installed
  it.skipIf(!hasLibreOffice())(
    'LibreOffice opens the report and results workbooks cleanly',
    async () => {
      const office = hasLibreOffice() ?? 'soffice';
      const folder = mkdtempSync(path.join(tmpdir(), 'cadre-lo-'));
      const workbooks = {
        report: await bytes(await get(`/api/documents/cycle-report.xlsx?${q({ cycleId })}`)),
        results: await bytes(await get(`/api/export/results.xlsx?${q({ cycleId })}`)),
      };
      for (const [name, content] of Object.entries(workbooks)) {
        const file = path.join(folder, `${name}.xlsx`);
        writeFileSync(file, content);
        // asynchronously: the test's HTTP server keeps answering meanwhile
        await run(
          office,
          [
            `-env:UserInstallation=file://${folder}/profile`,
            '--headless',
            '--convert-to',
            'pdf',
            '--outdir',
            folder,
            file,
          ],
          { timeout: 180_000 },
        );
        const text = words(pdfText(readFileSync(path.join(folder, `${name}.pdf`)), `lo-${name}`));
        expect(text).toContain(name === 'report' ? 'Tổng số' : 'Trần Thị Bình');
      }
    },
    240_000,
  );

  it('exports to the national database keyed by the personal number, recorded with its checksum', async () => {
    const response = await get(`/api/documents/national-export.json?${q({ cycleId })}`);
    expect(response.status).toBe(200);
    const content = await bytes(response);
    const file = JSON.parse(content.toString('utf8'));
    expect(file.schemaVersion).toBe('1.0');
    // the file is what docs/national-export.schema.json documents
    const schema = JSON.parse(readFileSync(path.join(repoRoot, 'docs/national-export.schema.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true, validateFormats: false }).compile(schema);
    expect(validate(file), JSON.stringify(validate.errors)).toBe(true);
    expect(file.records.map((record: { personalId: string }) => record.personalId).sort()).toEqual([
      '001080000001',
      '001090000002',
      '001090000005',
    ]);
    expect(file.excluded.missingPersonalId).toBe(1);
    const binh = file.records.find((record: { personalId: string }) => record.personalId === '001090000002');
    expect(binh.titles).toEqual([
      expect.objectContaining({ title: 'LDTT', decisionNumber: '250/QĐ-UBND', rewardAmount: 702_000 }),
    ]);
    expect(binh.rating).toMatchObject({ rating: 'GOOD', decisionNumber: '252/QĐ-UBND' });
    const xml = await get(`/api/documents/national-export.xml?${q({ cycleId })}`);
    const xmlText = (await bytes(xml)).toString('utf8');
    expect(xmlText).toContain('<record personalId="001090000002">');
    const records = await app.db.prisma.nationalExport.findMany({
      where: { cycleId: rawCycleId },
      orderBy: { createdAt: 'asc' },
    });
    expect(records).toHaveLength(2);
    expect(records[0]?.sha256).toBe(createHash('sha256').update(content).digest('hex'));
    expect(records[0]?.createdByName).toBe('officer');
    const decidedUntil = records[0]?.decidedUntil ?? new Date(0);
    expect(decidedUntil.getTime()).toBeGreaterThanOrEqual(new Date('2026-12-02T00:00:00Z').getTime());
    expect(records[0]?.dueOn?.toISOString()).toBe(nationalExportDueOn(decidedUntil).toISOString());
    expect((await get(`/api/documents/national-export.json?${q({ cycleId })}`, 'head')).status).toBe(403);
    const audit = await app.db.prisma.auditLog.count({ where: { action: 'NATIONAL_EXPORT' } });
    expect(audit).toBe(2);
  });

  it('lists issued documents, exports and deadlines in GraphQL for the cycle’s managers only', async () => {
    const query = `query ($c: ID!) {
      issuedDocuments(cycleId: $c) { kind number sha256 signerName downloadUrl }
      nationalExports(cycleId: $c) { format sha256 records createdByName dueOn }
      nationalExportDeadlines { cycleName status dueOn lastSha256 }
    }`;
    const officer = await app.graphql<{
      issuedDocuments: { kind: string; number: string; signerName: string; downloadUrl: string }[];
      nationalExports: { format: string; records: number }[];
      nationalExportDeadlines: { cycleName: string; status: string }[];
    }>(query, { c: cycleId }, { token: await app.login('officer') });
    expect(officer.errors).toBeUndefined();
    expect(officer.data?.issuedDocuments.map((row) => row.number).sort()).toEqual([
      '250/QĐ-UBND',
      '251/QĐ-UBND',
      '252/QĐ-UBND',
    ]);
    expect(officer.data?.issuedDocuments[0]?.signerName).toMatch(/^DEMO/);
    expect(officer.data?.nationalExports.map((row) => row.format).sort()).toEqual(['json', 'xml']);
    expect(officer.data?.nationalExportDeadlines.find((row) => row.cycleName === 'Năm 2026')?.status).toMatch(
      /SENT|LATE/,
    );
    const staff = await app.graphql(query, { c: cycleId }, { token: await app.login('staff') });
    expect(staff.data).toBeNull();
    expect(staff.errors?.[0]?.extensions?.code).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
  });

  it('lists the national export deadline of each published cycle, and what is overdue', async () => {
    const { prisma } = app.db;
    const viewer = {
      userId: app.fixture.users.officer,
      username: 'officer',
      displayName: 'officer',
      role: 'OFFICER' as const,
      personId: null,
      personUnitId: null,
      scopeUnitId: app.fixture.units.province,
      sessionId: 's',
      csrfToken: 'c',
      unitIds: null,
      ancestorUnitIds: [],
      councilUnitIds: [],
      councilIds: [],
      mustChangePassword: false,
    } as Viewer;
    const other = await prisma.cycle.create({
      data: {
        year: 2025,
        name: 'Năm 2025',
        packId: 'vn-nd90-2020',
        scopeUnitId: app.fixture.units.dept2,
        status: 'PUBLISHED',
        publishedAt: new Date('2025-12-10T08:00:00Z'),
      },
    });
    const list = await listNationalDeadlines({ prisma, viewer, now: new Date('2026-12-20T00:00:00Z') });
    expect(list.find((row) => row.cycleId === rawCycleId)?.status).toMatch(/SENT|LATE/);
    expect(list.find((row) => row.cycleId === other.id)).toMatchObject({
      status: 'OVERDUE',
      lastSentAt: null,
    });
    expect(nationalExportDueOn(new Date('2026-12-04T00:00:00Z')).toISOString().slice(0, 10)).toBe(
      '2026-12-09',
    );
  });
});
