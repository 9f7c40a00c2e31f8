import { testEngines } from '@cadre/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildViewer } from '../../scope/viewer.ts';
import { createTestApp, gid, type TestApp } from '../../test-support/test-app.ts';
import { importEvidence } from './services/import-evidence.ts';

type Field = { name: string; value: string | null; correctable: boolean };
type Row = {
  id: string;
  kind: string;
  period: number | null;
  version: number;
  label: string | null;
  fields: Field[];
  source: { fileName: string; importKind: string; importedBy: string | null } | null;
};
type Outcome = {
  __typename: string;
  code?: string;
  message?: string;
  fields?: { field: string; message: string }[];
  data?: Row & { kind: string };
};

const evidenceQuery = `query ($c: ID!, $p: ID!, $k: EvidenceKind) { personEvidence(cycleId: $c, personId: $p, kind: $k) {
  fullName mayCorrect rows { id kind period version label
    fields { name value correctable } source { fileName importKind importedBy } } } }`;

const outcomeFields = `__typename ... on Error { code message } ... on ValidationError { fields { field message } }`;

const correctMutation = `mutation ($input: CorrectEvidenceInput!) { correctEvidence(input: $input) {
  ${outcomeFields} ... on CorrectEvidenceSuccess { data { id version fields { name value } } } } }`;

const deleteMutation = `mutation ($input: DeleteEvidenceInput!) { deleteEvidence(input: $input) {
  ${outcomeFields} ... on DeleteEvidenceSuccess { data { id kind } } } }`;

const auditQuery = `query ($f: AuditFilter) { auditLog(filter: $f) { edges { node { action entity entityId actorName before after } } } }`;

const fieldValue = (row: Row | undefined, name: string) =>
  row?.fields.find((field) => field.name === name)?.value;

describe.each(testEngines())('imported evidence, read and corrected, on %s', (engine) => {
  let app: TestApp;
  let cycleDbId: string;
  let cycleId: string;
  let officer: string;
  let head: string;
  let staff: string;

  const read = async (personId: string, token: string, kind?: string) => {
    const result = await app.graphql<{ personEvidence: { mayCorrect: boolean; rows: Row[] } | null }>(
      evidenceQuery,
      { c: cycleId, p: gid('Person', personId), k: kind },
      { token },
    );
    return result;
  };
  const dossierOf = async (personId: string, token = officer) => {
    const result = await read(personId, token, 'DOSSIER');
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    return result.data?.personEvidence?.rows[0] as Row;
  };
  const correct = async (input: Record<string, unknown>, token = officer) => {
    const result = await app.graphql<{ correctEvidence: Outcome }>(
      correctMutation,
      { input: { cycleId, ...input } },
      { token },
    );
    return result;
  };
  const remove = async (input: Record<string, unknown>, token = officer) =>
    app.graphql<{ deleteEvidence: Outcome }>(deleteMutation, { input: { cycleId, ...input } }, { token });

  beforeAll(async () => {
    app = await createTestApp(engine);
    const { prisma } = app.db;
    const cycle = await prisma.cycle.create({
      data: {
        year: 2026,
        name: 'Năm 2026',
        packId: 'vn-nd335-2025',
        periodKind: 'YEAR',
        status: 'OPEN',
        scopeUnitId: app.fixture.units.province,
      },
    });
    cycleDbId = cycle.id;
    cycleId = gid('Cycle', cycle.id);
    const user = await prisma.user.findUniqueOrThrow({ where: { id: app.fixture.users.officer } });
    const viewer = buildViewer(
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
    // Em (Sở A) and Cường (Sở B): one year's dossier figures each, from one file
    const csv = [
      'Mã cán bộ,Số hồ sơ tiếp nhận,Trước hạn,Đúng hạn,Trễ hạn,Phiếu xin lỗi',
      'P5,120,20,98,2,2',
      'P3,80,10,70,0,0',
    ].join('\n');
    const outcome = await importEvidence({
      prisma,
      viewer,
      unitTrees: app.services.unitTrees,
      kind: 'DOSSIERS',
      cycleId: cycle.id,
      fileName: 'ho-so-2026.csv',
      content: Buffer.from(csv, 'utf8'),
    });
    expect(outcome.batch.status, JSON.stringify(outcome.errors)).toBe('APPLIED');
    const tasks = [
      'Mã nhiệm vụ,Mã cán bộ,Tên nhiệm vụ,Hạn hoàn thành,Khối lượng kế hoạch,Khối lượng thực hiện',
      'NV-1,P5,Thẩm định hồ sơ tuyển dụng,30/06/2026,10,6',
    ].join('\n');
    const taskOutcome = await importEvidence({
      prisma,
      viewer,
      unitTrees: app.services.unitTrees,
      kind: 'TASKS',
      cycleId: cycle.id,
      fileName: 'nhiem-vu.csv',
      content: Buffer.from(tasks, 'utf8'),
    });
    expect(taskOutcome.batch.status, JSON.stringify(taskOutcome.errors)).toBe('APPLIED');
    officer = await app.login('officer');
    head = await app.login('head');
    staff = await app.login('staff');
  });
  afterAll(async () => {
    await app.close();
  });

  it('shows the officer a person’s imported figures with the file they came from', async () => {
    const result = await read(app.fixture.people.em, officer);
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    const view = result.data?.personEvidence;
    expect(view?.mayCorrect).toBe(true);
    const row = view?.rows.find((candidate) => candidate.kind === 'DOSSIER');
    expect(row?.period).toBeNull(); // the year's figures
    expect(fieldValue(row, 'late')).toBe('2');
    expect(fieldValue(row, 'apologies')).toBe('2');
    expect(row?.source).toEqual({
      fileName: 'ho-so-2026.csv',
      importKind: 'DOSSIERS',
      importedBy: 'officer',
    });
  });

  it('corrects one value with a reason, and the audit log keeps it before and after', async () => {
    const row = await dossierOf(app.fixture.people.em);
    const result = await correct({
      id: row.id,
      field: 'late',
      value: '1',
      reason: 'Phần mềm một cửa tính trùng một hồ sơ',
      version: row.version,
    });
    const outcome = result.data?.correctEvidence;
    expect(outcome?.__typename, JSON.stringify(result)).toBe('CorrectEvidenceSuccess');
    expect(fieldValue(outcome?.data, 'late')).toBe('1');
    expect(outcome?.data?.version).toBe(row.version + 1);
    expect(fieldValue(await dossierOf(app.fixture.people.em), 'late')).toBe('1');

    const dbId = (
      await app.db.prisma.dossierStat.findFirstOrThrow({ where: { personId: app.fixture.people.em } })
    ).id;
    const audit = await app.graphql<{
      auditLog: { edges: { node: { action: string; actorName: string; before: never; after: never } }[] };
    }>(auditQuery, { f: { entity: 'DossierStat', entityId: dbId } }, { token: officer });
    const entry = audit.data?.auditLog.edges[0]?.node;
    expect(entry?.action).toBe('correctEvidence');
    expect(entry?.actorName).toBe('officer');
    expect(entry?.before).toMatchObject({ late: 2, version: 1 });
    expect(entry?.after).toMatchObject({
      late: 1,
      version: 2,
      correctedField: 'late',
      reason: 'Phần mềm một cửa tính trùng một hồ sơ',
    });
  });

  it('refuses a stale edit: the version read has changed since', async () => {
    const row = await dossierOf(app.fixture.people.em);
    const stale = await correct({
      id: row.id,
      field: 'apologies',
      value: '0',
      reason: 'Phiếu xin lỗi đã thu hồi',
      version: row.version - 1,
    });
    expect(stale.data?.correctEvidence).toMatchObject({ __typename: 'ConflictError', code: 'CONFLICT' });
    expect(fieldValue(await dossierOf(app.fixture.people.em), 'apologies')).toBe('2');
  });

  it('names the field a refused value or a missing reason is about', async () => {
    const row = await dossierOf(app.fixture.people.em);
    const noReason = await correct({
      id: row.id,
      field: 'late',
      value: '0',
      reason: '  ',
      version: row.version,
    });
    expect(noReason.data?.correctEvidence.fields?.map((field) => field.field)).toEqual(['input.reason']);
    const notNumber = await correct({
      id: row.id,
      field: 'late',
      value: 'hai',
      reason: 'Sai số liệu',
      version: row.version,
    });
    expect(notNumber.data?.correctEvidence.fields?.map((field) => field.field)).toEqual(['input.value']);
    expect(notNumber.data?.correctEvidence.fields?.[0]?.message).toMatch(/^late:/);
    const tooMany = await correct({
      id: row.id,
      field: 'early',
      value: '500',
      reason: 'Sai số liệu',
      version: row.version,
    });
    expect(tooMany.data?.correctEvidence.fields?.[0]?.field).toBe('input.value');
    const unknown = await correct({
      id: row.id,
      field: 'period',
      value: '2',
      reason: 'Sai kỳ',
      version: row.version,
    });
    expect(unknown.data?.correctEvidence.fields?.[0]?.field).toBe('input.field');
  });

  it('refuses staff, and a head outside the person’s unit finds no such person or row', async () => {
    const row = await dossierOf(app.fixture.people.cuong);
    const byStaff = await correct(
      { id: row.id, field: 'late', value: '1', reason: 'Tôi thấy sai', version: row.version },
      staff,
    );
    expect(byStaff.data?.correctEvidence?.code ?? byStaff.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await read(app.fixture.people.cuong, staff)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // the head of Sở A: Cường works in Sở B
    expect((await read(app.fixture.people.cuong, head)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const byHead = await correct(
      { id: row.id, field: 'late', value: '1', reason: 'Sửa theo báo cáo', version: row.version },
      head,
    );
    expect(byHead.data?.correctEvidence).toMatchObject({ __typename: 'NotFoundError', code: 'NOT_FOUND' });
    expect(fieldValue(await dossierOf(app.fixture.people.cuong), 'late')).toBe('0');
  });

  it('lets the head of the person’s unit delete a wrong row, with a reason, audited', async () => {
    const view = await read(app.fixture.people.em, head);
    expect(view.data?.personEvidence?.mayCorrect).toBe(true);
    const row = view.data?.personEvidence?.rows.find((candidate) => candidate.kind === 'DOSSIER') as Row;
    const noReason = await remove({ id: row.id, reason: '', version: row.version }, head);
    expect(noReason.data?.deleteEvidence.fields?.[0]?.field).toBe('input.reason');
    const deleted = await remove({ id: row.id, reason: 'Nhập nhầm người xử lý', version: row.version }, head);
    expect(deleted.data?.deleteEvidence.__typename, JSON.stringify(deleted)).toBe('DeleteEvidenceSuccess');
    expect((await read(app.fixture.people.em, officer, 'DOSSIER')).data?.personEvidence?.rows).toEqual([]);
    const audit = await app.db.prisma.auditLog.findFirstOrThrow({ where: { action: 'deleteEvidence' } });
    expect(audit.entity).toBe('DossierStat');
    expect(audit.before).toMatchObject({ late: 1, received: 120 });
    expect(audit.after).toMatchObject({ deleted: true, reason: 'Nhập nhầm người xử lý' });
  });

  it('keeps a correction in a closed period as that period’s correction too', async () => {
    const { prisma } = app.db;
    await prisma.periodClosure.create({
      data: { cycleId: cycleDbId, unitId: app.fixture.units.dept1, period: 1, state: 'CLOSED' },
    });
    const view = await read(app.fixture.people.em, officer, 'TASK');
    const task = view.data?.personEvidence?.rows[0] as Row & { periodClosed?: boolean };
    expect(task.label).toBe('NV-1 — Thẩm định hồ sơ tuyển dụng');
    expect(task.source?.fileName).toBe('nhiem-vu.csv');
    expect(fieldValue(task, 'actual')).toBe('6');
    const result = await correct({
      id: task.id,
      field: 'actual',
      value: '8',
      reason: 'Biên bản nghiệm thu bổ sung',
      version: task.version,
    });
    expect(result.data?.correctEvidence.__typename, JSON.stringify(result)).toBe('CorrectEvidenceSuccess');
    const kept = await prisma.periodCorrection.findFirstOrThrow({ where: { entity: 'Task' } });
    expect(kept).toMatchObject({ period: 1, reason: 'Biên bản nghiệm thu bổ sung' });
    expect(kept.before).toMatchObject({ actual: 6 });
    expect(kept.after).toMatchObject({ actual: 8 });
  });

  it('refuses corrections once the cycle is published', async () => {
    const row = await dossierOf(app.fixture.people.cuong);
    await app.db.prisma.cycle.update({ where: { id: cycleDbId }, data: { status: 'PUBLISHED' } });
    try {
      const view = await read(app.fixture.people.cuong, officer);
      expect(view.data?.personEvidence?.mayCorrect).toBe(false);
      const refused = await correct({
        id: row.id,
        field: 'late',
        value: '1',
        reason: 'Sửa sau công bố',
        version: row.version,
      });
      expect(refused.data?.correctEvidence).toMatchObject({ __typename: 'ConflictError', code: 'CONFLICT' });
      const notDeleted = await remove({ id: row.id, reason: 'Xóa sau công bố', version: row.version });
      expect(notDeleted.data?.deleteEvidence.code).toBe('CONFLICT');
      expect(fieldValue(await dossierOf(app.fixture.people.cuong), 'late')).toBe('0');
    } finally {
      await app.db.prisma.cycle.update({ where: { id: cycleDbId }, data: { status: 'OPEN' } });
    }
  });
});
