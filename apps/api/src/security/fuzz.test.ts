// Generated hostile input against the API: wrong types, huge strings and numbers, broken Unicode,
// nulls, deep nesting, formula injection. Whatever comes in, the answer is never a 500, never an
// internal message, and a refused write leaves every table and the audit chain as they were.
// Bounded in `npm test` (FUZZ_RUNS, default 100 per property); `npm run soak` runs thousands.
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../domains/audit/services/verify-audit.ts';
import { safeCell } from '../exports/safe-cell.ts';
import { createServer } from '../server.ts';
import { createTestApp, gid, type TestApp } from '../test-support/test-app.ts';
import { leakedInternals } from './demo-app.ts';

const runs = Number(process.env.FUZZ_RUNS ?? 100);
export const tried = { graphql: 0, bodies: 0, imports: 0, cells: 0 };

// ---------------------------------------------------------------- generators

const hugeString = fc.constantFrom(
  'x'.repeat(70_000),
  'Ậ'.repeat(20_000),
  '\u0000'.repeat(1000),
  '😀'.repeat(5000),
);
const brokenUnicode = fc.constantFrom(
  '\uD800',
  'a\uDFFFb',
  '\uFFFE\uFFFF',
  'Nguy\u0065\u0302\u0303n',
  '\u202Eevil',
  '\u0000',
);
const formula = fc.constantFrom(
  "=cmd|' /C calc'!A0",
  '+SUM(1,2)',
  '-1+1',
  '@SUM(A1)',
  '=HYPERLINK("http://x","y")',
  '\t=1',
  '\r=1',
);
const weirdNumber = fc.constantFrom(
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53 + 1,
  1e308,
  -1e308,
  5e-324,
  -0,
  0.1 + 0.2,
);
const forgedId = fc.oneof(
  fc.uuid().map((id) => gid('Person', id)),
  fc.uuid().map((id) => gid('Unit', id)),
  fc.constantFrom('', '%%%', 'UGVyc29uOg==', gid('Person', "' OR 1=1 --"), gid('Person', 'x'.repeat(5000))),
);
const nasty = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  hugeString,
  brokenUnicode,
  formula,
  weirdNumber,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  forgedId,
  fc.array(fc.string(), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 4 }),
);

/** Objects and lists nested a few hundred levels deep. */
const deep = fc.integer({ min: 50, max: 400 }).map((depth) => {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i += 1) value = i % 2 ? [value] : { a: value };
  return value;
});

const value = fc.oneof({ weight: 6, arbitrary: nasty }, { weight: 1, arbitrary: deep });

type Operation = { name: string; query: string; vars: Record<string, fc.Arbitrary<unknown>>; write: boolean };

function operations(ids: { person: string; unit: string; cycle: string }): Operation[] {
  const maybe = <T>(good: fc.Arbitrary<T>) => fc.oneof(good, value);
  return [
    {
      name: 'updatePerson',
      write: true,
      query: `mutation ($id: ID!, $v: Int!, $input: UpdatePersonInput!) { updatePerson(id: $id, version: $v, input: $input) { __typename ... on Error { code message } } }`,
      vars: {
        id: maybe(fc.constant(ids.person)),
        v: maybe(fc.integer({ min: 0, max: 3 })),
        input: fc.oneof(
          fc.record(
            { fullName: value, email: value, hiredOn: value, unitId: value, category: value, active: value },
            { requiredKeys: [] },
          ),
          value,
        ),
      },
    },
    {
      name: 'createPerson',
      write: true,
      query: `mutation ($input: CreatePersonInput!) { createPerson(input: $input) { __typename ... on Error { code message } } }`,
      vars: {
        input: fc.oneof(
          fc.record({
            code: value,
            fullName: value,
            unitId: maybe(fc.constant(ids.unit)),
            category: value,
            hiredOn: value,
          }),
          value,
        ),
      },
    },
    {
      name: 'createUnit',
      write: true,
      query: `mutation ($input: CreateUnitInput!) { createUnit(input: $input) { __typename ... on Error { code message } } }`,
      vars: {
        input: fc.oneof(
          fc.record({ code: value, name: value, kind: value, parentId: maybe(fc.constant(ids.unit)) }),
          value,
        ),
      },
    },
    {
      name: 'createCycle',
      write: true,
      query: `mutation ($input: CreateCycleInput!) { createCycle(input: $input) { __typename ... on Error { code message } } }`,
      vars: {
        input: fc.oneof(
          fc.record({
            year: value,
            name: value,
            packId: value,
            scopeUnitId: maybe(fc.constant(ids.unit)),
            overrides: value,
            deadlines: value,
          }),
          value,
        ),
      },
    },
    {
      name: 'moveCycle',
      write: true,
      query: `mutation ($id: ID!, $to: CycleStatus!, $r: String, $v: Int!) { moveCycle(id: $id, to: $to, reason: $r, version: $v) { __typename ... on Error { code message } } }`,
      vars: { id: maybe(fc.constant(ids.cycle)), to: value, r: value, v: value },
    },
    {
      name: 'assessPerson',
      write: true,
      query: `mutation ($c: ID!, $p: ID!, $a: Float!, $m: String) { assessPerson(cycleId: $c, personId: $p, conductAssessment: $a, comment: $m) { __typename ... on Error { code message } } }`,
      vars: { c: maybe(fc.constant(ids.cycle)), p: maybe(fc.constant(ids.person)), a: value, m: value },
    },
    {
      name: 'login',
      write: true,
      query: `mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`,
      vars: { u: value, p: value },
    },
    {
      name: 'people',
      write: false,
      query: `query ($f: Int, $a: String, $filter: PeopleFilter) { people(first: $f, after: $a, filter: $filter) { totalCount edges { node { id fullName } } } }`,
      vars: {
        f: value,
        a: value,
        filter: fc.oneof(fc.record({ search: value, unitId: value }, { requiredKeys: [] }), value),
      },
    },
    {
      name: 'node',
      write: false,
      query: `query ($id: ID!) { node(id: $id) { id ... on Person { fullName } } }`,
      vars: { id: fc.oneof(forgedId, value) },
    },
    {
      name: 'units',
      write: false,
      query: `query ($s: String) { units(search: $s) { id name } }`,
      vars: { s: value },
    },
  ];
}

// ---------------------------------------------------------------- GraphQL

describe('fuzzing the GraphQL API', () => {
  let app: TestApp;
  let ops: Operation[];
  let token: string;
  const tables = ['unit', 'person', 'user', 'cycle', 'session', 'auditLog', 'headAssessment'] as const;

  async function snapshot(): Promise<Record<string, number>> {
    const prisma = app.db.prisma;
    return {
      unit: await prisma.unit.count(),
      person: await prisma.person.count(),
      personVersions: (await prisma.person.aggregate({ _sum: { version: true } }))._sum.version ?? 0,
      user: await prisma.user.count(),
      cycle: await prisma.cycle.count(),
      cycleVersions: (await prisma.cycle.aggregate({ _sum: { version: true } }))._sum.version ?? 0,
      auditLog: await prisma.auditLog.count(),
      headAssessment: await prisma.headAssessment.count(),
    };
  }

  beforeAll(async () => {
    app = await createTestApp('pglite');
    const cycle = await app.db.prisma.cycle.create({
      data: {
        year: 2026,
        name: 'Năm 2026',
        packId: 'vn-nd335-2025',
        scopeUnitId: app.fixture.units.province,
        status: 'ASSESSMENT',
      },
    });
    ops = operations({
      person: gid('Person', app.fixture.people.binh),
      unit: gid('Unit', app.fixture.units.dept1),
      cycle: gid('Cycle', cycle.id),
    });
    token = await app.login('officer');
    expect(tables.length).toBeGreaterThan(0);
  });
  afterAll(async () => {
    console.info(`[fuzz] GraphQL inputs tried: ${tried.graphql}, raw bodies: ${tried.bodies}`);
    await app.close();
  });

  it('no generated input gets a 500, an internal message, or a partial write', async () => {
    const arbitrary = fc.integer({ min: 0, max: 1_000_000 }).chain((pick) => {
      const op = ops[pick % ops.length] as Operation;
      return fc.record(op.vars).map((vars) => ({ op, vars, as: pick % 7 === 0 ? 'head' : 'officer' }));
    });
    const head = await app.login('head');
    await fc.assert(
      fc.asyncProperty(arbitrary, async ({ op, vars, as }) => {
        tried.graphql += 1;
        const before = op.write ? await snapshot() : null;
        const response = await app.yoga.fetch('http://localhost/graphql', {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${as === 'head' ? head : token}`,
          },
          body: JSON.stringify({ query: op.query, variables: vars }),
        });
        const text = await response.text();
        expect(response.status, text.slice(0, 300)).toBeLessThan(500);
        const body = JSON.parse(text) as {
          data?: Record<string, unknown> | null;
          errors?: { message: string; extensions?: Record<string, unknown> }[];
        };
        expect(leakedInternals({ status: response.status, errors: body.errors, text })).toEqual([]);
        const masked = (body.errors ?? []).filter((error) => /unexpected error/i.test(error.message));
        expect(masked, `masked internal error for ${op.name} ${JSON.stringify(vars).slice(0, 400)}`).toEqual(
          [],
        );
        if (before) {
          const result = body.data?.[op.name] as { __typename?: string } | null | undefined;
          const refused = !result || (body.errors?.length ?? 0) > 0 || /Error$/.test(result.__typename ?? '');
          if (refused && op.name !== 'login') expect(await snapshot()).toEqual(before);
        }
      }),
      { numRuns: runs },
    );
    expect((await verifyAudit({ prisma: app.db.prisma })).intact).toBe(true);
  });

  it('malformed request bodies and documents are answered 4xx, never 500', async () => {
    const body = fc.oneof(
      fc.string(),
      fc.uint8Array({ maxLength: 2000 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
      fc.constantFrom(
        '{"query":',
        '{"query": 1}',
        '{"query": "{ me { id } }", "variables": "x"}',
        '[]',
        'null',
        `{"query": "${'{ me '.repeat(2000)}"}`,
        JSON.stringify({
          query: `query { ${'people { edges { node { unit { '.repeat(30)} id ${'} } } }'.repeat(30)} }`,
        }),
        JSON.stringify({
          query: `{ ${Array.from({ length: 2000 }, (_, i) => `a${i}: me { id }`).join(' ')} }`,
        }),
        JSON.stringify({
          query: 'query ($x: [[[[[String]]]]]) { units(search: $x) { id } }',
          variables: { x: [[[[['a']]]]] },
        }),
        JSON.stringify({ query: 'mutation { login(username: "a", password: "b") { token } }'.repeat(50) }),
      ),
    );
    await fc.assert(
      fc.asyncProperty(body, async (raw) => {
        tried.bodies += 1;
        const response = await app.yoga.fetch('http://localhost/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: raw,
        });
        const text = await response.text();
        expect(response.status, text.slice(0, 200)).toBeLessThan(500);
        expect(text).not.toMatch(/prisma|\.ts:\d+|at async/i);
      }),
      { numRuns: runs },
    );
  });
});

// ---------------------------------------------------------------- imports and exports

describe('fuzzing the import endpoint and exported spreadsheets', () => {
  let app: TestApp;
  let server: Server;
  let base: string;
  let cycleId: string;
  const header =
    'Mã nhiệm vụ,Mã cán bộ,Tên nhiệm vụ,Trọng số,Hạn hoàn thành,Ngày hoàn thành,Số sai sót lớn,Có lý do khách quan';

  const evidence = async () => {
    const prisma = app.db.prisma;
    return {
      tasks: await prisma.task.count(),
      people: await prisma.person.count(),
      units: await prisma.unit.count(),
      votes: await prisma.citizenVote.count(),
    };
  };

  async function upload(kind: string, content: Buffer, fileName = 'tasks.csv') {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(content)]), fileName);
    const response = await fetch(
      `${base}/api/import?kind=${kind}&cycleId=${encodeURIComponent(cycleId)}&wait=1`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${await app.login('officer')}` },
        body: form,
      },
    );
    const text = await response.text();
    return { status: response.status, text };
  }

  beforeAll(async () => {
    app = await createTestApp('pglite');
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
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    console.info(`[fuzz] import files tried: ${tried.imports}, spreadsheet cells checked: ${tried.cells}`);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await app.close();
  });

  const csvField = (text: string) => `"${text.replaceAll('"', '""')}"`;
  const goodRow = (i: number) => `G-${i},P2,Việc tốt ${i},1,31/03/2026,28/03/2026,0,Không`;
  /** A row with at least one value no column can accept. */
  const badRow = fc
    .record({
      column: fc.constantFrom('weight', 'dueOn', 'completedOn', 'majorErrors', 'excused', 'personCode'),
      junk: fc.oneof(
        formula,
        fc.constantFrom(
          '1e309',
          '9'.repeat(400),
          '-5',
          'NaN',
          'Infinity',
          '31/02/2026',
          '2026-13-01',
          'Có lẽ',
          '0x10',
          '١٢',
        ),
        brokenUnicode,
        fc.string({ minLength: 1, maxLength: 30 }).filter((s) => !/^\s*\d/.test(s)),
      ),
    })
    // a yes/no column reads "=1" as yes, and takes the short forms people type (c/k, y/n, đúng/sai):
    // harmless, a boolean is stored, never the text
    .filter(
      ({ column, junk }) =>
        column !== 'excused' ||
        !/^\W*(1|0|có|co|c|không|khong|k|yes|y|no|n|true|false|x|đúng|dung|sai)\W*$/i.test(junk),
    )
    .map(({ column, junk }) => {
      const cells: Record<string, string> = {
        code: 'B-1',
        personCode: 'P2',
        title: 'Việc lỗi',
        weight: '1',
        dueOn: '31/03/2026',
        completedOn: '',
        majorErrors: '0',
        excused: 'Không',
      };
      cells[column] = column === 'personCode' ? `KHONGCO-${junk}` : junk;
      return Object.values(cells).map(csvField).join(',');
    });

  it('a file with any bad row is refused whole with a per-row report, and no evidence is written', async () => {
    const file = fc.record({
      good: fc.integer({ min: 0, max: 5 }),
      bad: fc.array(badRow, { minLength: 1, maxLength: 4 }),
      rawBytes: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(file, async ({ good, bad, rawBytes }) => {
        tried.imports += 1;
        const before = await evidence();
        const lines = [header, ...Array.from({ length: good }, (_, i) => goodRow(i)), ...bad];
        let content = Buffer.from(lines.join('\n'), 'utf8');
        // bytes that are not UTF-8 at all, in the title of the last row
        if (rawBytes)
          content = Buffer.concat([
            content,
            Buffer.from('\nR-1,P2,'),
            Buffer.from([0xc3, 0x28, 0xff]),
            Buffer.from(',1,x,,0,Không'),
          ]);
        const { status, text } = await upload('TASKS', content);
        expect(status, text.slice(0, 300)).toBe(422);
        const body = JSON.parse(text) as { status: string; errors: { row: number; message: string }[] };
        expect(body.status).toBe('FAILED');
        expect(body.errors.length).toBeGreaterThan(0);
        expect(body.errors.every((error) => Number.isInteger(error.row) && error.row >= 2)).toBe(true);
        expect(text).not.toMatch(/prisma|\.ts:\d+/i);
        expect(await evidence()).toEqual(before);
      }),
      { numRuns: Math.max(10, Math.round(runs / 4)) },
    );
  });

  it('random bytes, wrong kinds and huge or empty files are refused cleanly (4xx, nothing written)', async () => {
    const junk = fc.record({
      kind: fc.constantFrom('TASKS', 'PEOPLE', 'UNITS', 'CITIZEN_VOTES', 'nothing', '../../etc/passwd', ''),
      bytes: fc.oneof(
        fc.uint8Array({ maxLength: 3000 }).map((b) => Buffer.from(b)),
        fc.constant(Buffer.alloc(0)),
        fc.constant(Buffer.from('PK\u0003\u0004broken-zip')),
        fc.constant(Buffer.from(`${header}\n${'x,'.repeat(20_000)}`)),
      ),
      name: fc.constantFrom('a.csv', 'a.xlsx', 'a.exe', '', '../../x.csv'),
    });
    await fc.assert(
      fc.asyncProperty(junk, async ({ kind, bytes, name }) => {
        tried.imports += 1;
        const before = await evidence();
        const { status, text } = await upload(kind, bytes, name);
        expect(status, text.slice(0, 300)).toBeGreaterThanOrEqual(400);
        expect(status).toBeLessThan(500);
        expect(text).not.toMatch(/prisma|\.ts:\d+|at async/i);
        expect(await evidence()).toEqual(before);
      }),
      { numRuns: Math.max(10, Math.round(runs / 4)) },
    );
  });

  it('no exported cell starts with = + - @ (or tab, CR) unless neutralised', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), formula, fc.string({ unit: 'binary' })), (text) => {
        tried.cells += 1;
        const cell = String(safeCell(text));
        expect(/^[=+\-@\t\r]/.test(cell)).toBe(false);
        // nothing else is changed
        if (!/^[=+\-@\t\r]/.test(text)) expect(cell).toBe(text);
      }),
      { numRuns: runs * 10 },
    );
  });

  it('the error report of a refused import neutralises formulas in both .xlsx and .csv', async () => {
    const payloads = ["=cmd|' /C calc'!A0", '+1+1', '-2+3', '@SUM(A1:A2)'];
    const lines = [header, ...payloads.map((p, i) => `F-${i},P2,Việc,1,${csvField(p)},,0,Không`)];
    const { status, text } = await upload('TASKS', Buffer.from(lines.join('\n')));
    expect(status).toBe(422);
    const body = JSON.parse(text) as { errorReport: { xlsx: string; csv: string } };
    const token = await app.login('officer');
    const csv = await (
      await fetch(`${base}${body.errorReport.csv}`, { headers: { authorization: `Bearer ${token}` } })
    ).text();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      await (
        await fetch(`${base}${body.errorReport.xlsx}`, { headers: { authorization: `Bearer ${token}` } })
      ).arrayBuffer(),
    );
    const cells: string[] = [];
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => cells.push(typeof cell.value === 'string' ? cell.value : '')),
      ),
    );
    for (const payload of payloads) {
      expect(
        cells.some((cell) => cell.includes(payload)),
        `${payload} is in the report`,
      ).toBe(true);
      expect(cells).not.toContain(payload);
      expect(
        csv
          .split(/\r?\n/)
          .some((line) => line.split(',').some((field) => field.replace(/^"/, '') === payload)),
      ).toBe(false);
    }
    for (const cell of cells) expect(/^[=+\-@\t\r]/.test(cell), cell).toBe(false);
    expect(cells.every((cell) => typeof cell === 'string')).toBe(true);
    tried.cells += cells.length;
    const formulas: unknown[] = [];
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) => row.eachCell((cell) => cell.formula && formulas.push(cell.formula))),
    );
    expect(formulas).toEqual([]);
  });
});
