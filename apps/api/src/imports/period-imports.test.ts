import { testEngines } from '@cadre/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importEvidence } from '../domains/evidence/services/import-evidence.ts';
import { buildViewer, type Viewer } from '../scope/viewer.ts';
import { createTestApp, gid, type TestApp } from '../test-support/test-app.ts';

const csv = (lines: string[]) => Buffer.from(lines.join('\n'), 'utf8');

describe.each(testEngines())('catalogue, task-assignment and one-stop imports on %s', (engine) => {
  let app: TestApp;
  let officer: Viewer;
  let cycleId: string;

  const upload = (
    kind: 'PRODUCTS' | 'TASK_ASSIGNMENTS' | 'ONE_STOP_STATS',
    content: Buffer,
    source?: string,
  ) =>
    importEvidence({
      prisma: app.services.prisma,
      viewer: officer,
      unitTrees: app.services.unitTrees,
      kind,
      cycleId,
      fileName: `${kind}.csv`,
      content,
      source,
    });

  beforeAll(async () => {
    app = await createTestApp(engine);
    const { prisma } = app.db;
    const cycle = await prisma.cycle.create({
      data: {
        year: 2026,
        name: 'Năm 2026',
        packId: 'vn-nd335-2025',
        periodKind: 'QUARTER',
        scopeUnitId: app.fixture.units.province,
      },
    });
    cycleId = cycle.id;
    await prisma.person.update({
      where: { id: app.fixture.people.cuong },
      data: { personalId: '045086000123' },
    });
    const user = await prisma.user.findUniqueOrThrow({ where: { id: app.fixture.users.officer } });
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
  afterAll(() => app?.close());

  it('loads a catalogue all or nothing: a zero coefficient refuses the file with its row', async () => {
    const header =
      'Mã vị trí việc làm,Tên vị trí việc làm,Mã sản phẩm,Tên sản phẩm,Đơn vị tính,Hệ số quy đổi';
    const bad = await upload(
      'PRODUCTS',
      csv([
        header,
        'VTVL-MC,Công chức một cửa,MC01,Tiếp nhận hồ sơ,hồ sơ,"0,05"',
        'VTVL-MC,,MC02,Số hóa hồ sơ,hồ sơ,0',
      ]),
    );
    expect(bad.batch.status).toBe('FAILED');
    expect(bad.errors).toEqual([expect.objectContaining({ row: 3, field: 'Hệ số quy đổi' })]);
    expect(await app.db.prisma.product.count()).toBe(0);
    const good = await upload(
      'PRODUCTS',
      csv([
        header,
        'VTVL-MC,Công chức một cửa,MC01,Tiếp nhận hồ sơ,hồ sơ,"0,05"',
        'VTVL-MC,,MC02,Số hóa hồ sơ,hồ sơ,"0,02"',
      ]),
    );
    expect(good.batch.status, JSON.stringify(good.errors)).toBe('APPLIED');
    const products = await app.db.prisma.product.findMany({
      include: { jobPosition: true },
      orderBy: { code: 'asc' },
    });
    expect(products.map((p) => [p.jobPosition.code, p.code, p.coefficient])).toEqual([
      ['VTVL-MC', 'MC01', 0.05],
      ['VTVL-MC', 'MC02', 0.02],
    ]);
  });

  it('reads a task-assignment export by its own headings through the mapping saved for its source', async () => {
    const exported = csv([
      'Số hiệu,CCCD người xử lý,Mã SP,Trích yếu,Hạn,Ngày xong,SL giao,SL xong',
      'IO-001,045086000123,MC01,,30/09/2026,25/09/2026,200,200',
      'IO-002,045086000123,,Báo cáo tổng hợp quý III,15/08/2026,20/08/2026,1,1',
    ]);
    const unmapped = await upload('TASK_ASSIGNMENTS', exported);
    expect(unmapped.batch.status).toBe('FAILED');
    expect(unmapped.errors[0]?.message).toContain('Số hiệu');

    const saved = await app.graphql<{ saveImportMapping: { __typename: string } }>(
      `mutation ($columns: JSON!) { saveImportMapping(kind: TASK_ASSIGNMENTS, source: "VNPT iOffice", columns: $columns) { __typename ... on Error { message } } }`,
      {
        columns: {
          code: 'Số hiệu',
          personalId: 'CCCD người xử lý',
          productCode: 'Mã SP',
          title: 'Trích yếu',
          dueOn: 'Hạn',
          completedOn: 'Ngày xong',
          planned: 'SL giao',
          actual: 'SL xong',
        },
      },
      { token: await app.login('officer') },
    );
    expect(saved.data?.saveImportMapping.__typename, JSON.stringify(saved)).toBe('SaveImportMappingSuccess');
    const mapped = await upload('TASK_ASSIGNMENTS', exported, 'VNPT iOffice');
    expect(mapped.batch.status, JSON.stringify(mapped.errors)).toBe('APPLIED');
    const tasks = await app.db.prisma.task.findMany({ where: { cycleId }, orderBy: { code: 'asc' } });
    expect(tasks.map((task) => [task.code, task.personId, task.period, task.weight, task.title])).toEqual([
      ['IO-001', app.fixture.people.cuong, 3, 10, 'Tiếp nhận hồ sơ'],
      ['IO-002', app.fixture.people.cuong, 3, 1, 'Báo cáo tổng hợp quý III'],
    ]);
    // the same file again: every row already recorded, nothing written twice
    const again = await upload('TASK_ASSIGNMENTS', exported, 'VNPT iOffice');
    expect(again.batch.status).toBe('FAILED');
    expect(again.errors.map((error) => error.row)).toEqual([2, 3]);
    const mappings = await app.graphql<{ importMappings: { source: string }[] }>(
      `query { importMappings(kind: TASK_ASSIGNMENTS) { source } }`,
      {},
      { token: await app.login('head') },
    );
    expect(mappings.data?.importMappings).toEqual([{ source: 'VNPT iOffice' }]);
  });

  it('loads one-stop counts per handler and period, refusing an unknown handler, a period out of range and a repeat', async () => {
    const header =
      'Mã cán bộ,Số định danh cá nhân,Kỳ,Số hồ sơ tiếp nhận,Trước hạn,Đúng hạn,Quá hạn,Phiếu xin lỗi';
    const bad = await upload(
      'ONE_STOP_STATS',
      csv([header, 'P3,,1,300,80,210,10,4', 'P3,,5,10,1,1,1,0', 'P3,,1,1,0,1,0,0', 'X9,,2,1,0,1,0,0']),
    );
    expect(bad.batch.status).toBe('FAILED');
    expect(bad.errors.map((error) => [error.row, error.field])).toEqual([
      [3, 'Kỳ'],
      [4, 'Kỳ'],
      [5, 'Mã cán bộ'],
    ]);
    expect(await app.db.prisma.dossierStat.count()).toBe(0);
    const good = await upload(
      'ONE_STOP_STATS',
      csv([header, 'P3,,1,300,80,210,10,4', ',045086000123,2,280,70,205,5,1']),
    );
    expect(good.batch.status, JSON.stringify(good.errors)).toBe('APPLIED');
    const stats = await app.db.prisma.dossierStat.findMany({ orderBy: { period: 'asc' } });
    expect(stats.map((row) => [row.personId, row.period, row.late])).toEqual([
      [app.fixture.people.cuong, 1, 10],
      [app.fixture.people.cuong, 2, 5],
    ]);
    expect(gid('Cycle', cycleId)).toBeTruthy();
  });
});
