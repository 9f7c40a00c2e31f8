// An appeal's attachments: the appellant uploads PDF, JPEG or PNG files to their open appeal; the
// type is proved by the file's first bytes; sizes are bounded; only those who see the appeal
// download them, as an attachment that is never sniffed.
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { testEngines } from '@cadre/db/testing';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../auth/password.ts';
import { maxAppealAttachmentBytes } from '../domains/appeals/services/attach-appeal-files.ts';
import { createServer } from '../server.ts';
import { fixturePassword } from '../test-support/fixture.ts';
import { createTestApp, gid, type TestApp } from '../test-support/test-app.ts';

const dayMs = 24 * 60 * 60 * 1000;
const pdf = (size = 200) => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(size, 0x20)]);
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);

type Answer = {
  attachments?: { id: string; fileName: string; contentType: string; size: number; url: string }[];
  code?: string;
  fields?: { field: string; message: string }[];
};

describe.each(testEngines())('appeal attachments on %s', (engine) => {
  let app: TestApp;
  let server: Server;
  let base = '';
  let appealId = '';
  let otherHead = '';

  beforeAll(async () => {
    app = await createTestApp(engine);
    const { prisma } = app.db;
    const { people, units, users } = app.fixture;
    const cycle = await prisma.cycle.create({
      data: {
        year: 2026,
        name: 'Năm 2026',
        packId: 'vn-nd335-2025',
        scopeUnitId: units.province,
        status: 'PUBLISHED',
        publishedAt: new Date(Date.now() - dayMs),
        appealDays: 15,
      },
    });
    await prisma.evaluationResult.create({
      data: {
        cycleId: cycle.id,
        personId: people.binh,
        unitId: units.dept1a,
        proposedRating: 'COMPLETED',
        engineRating: 'COMPLETED',
        finalRating: 'COMPLETED',
        trace: [],
      },
    });
    // the staff account is Bình's; he files his appeal as the web form does
    const filed = await app.graphql<{ fileAppeal: { __typename: string; data?: { id: string } } }>(
      `mutation ($c: ID!) { fileAppeal(cycleId: $c, reason: "Tôi đã hoàn thành mọi nhiệm vụ", requested: GOOD) {
        __typename ... on FileAppealSuccess { data { id } } } }`,
      { c: gid('Cycle', cycle.id) },
      { token: await app.login('staff') },
    );
    appealId = filed.data?.fileAppeal.data?.id ?? '';
    expect(appealId).not.toBe('');
    expect(users.staff).toBeTruthy();
    // the head of Sở B (Cường), who leads no unit of Bình's
    await prisma.user.create({
      data: {
        username: 'head-b',
        displayName: 'head-b',
        passwordHash: await hashPassword(fixturePassword),
        role: 'UNIT_HEAD',
        scopeUnitId: units.dept2,
        personId: people.cuong,
      },
    });
    const login = await app.graphql<{ login: { token: string } }>(
      'mutation ($p: String!) { login(username: "head-b", password: $p) { token } }',
      { p: fixturePassword },
    );
    otherHead = login.data?.login.token ?? '';
    server = createHttpServer(createServer({ services: app.services, demo: null, yoga: app.yoga }).handler);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.close();
    await app.close();
  });

  async function upload(
    user: 'staff' | 'officer' | 'head' | 'council',
    files: { name: string; type: string; content: Buffer }[],
  ): Promise<{ status: number; body: Answer }> {
    const form = new FormData();
    for (const file of files) {
      form.append('files', new Blob([new Uint8Array(file.content)], { type: file.type }), file.name);
    }
    const response = await fetch(`${base}/api/appeals/${encodeURIComponent(appealId)}/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await app.login(user)}` },
      body: form,
    });
    return { status: response.status, body: (await response.json()) as Answer };
  }

  const download = async (url: string, user: 'staff' | 'officer' | 'head' | 'council') =>
    fetch(`${base}${url}`, { headers: { authorization: `Bearer ${await app.login(user)}` } });

  it('the appellant attaches a PDF and a PNG; the appeal lists them and the audit records the upload', async () => {
    const answer = await upload('staff', [
      { name: 'Bảng kết quả công việc.pdf', type: 'application/pdf', content: pdf() },
      { name: 'xac-nhan.png', type: 'image/png', content: png },
    ]);
    expect(answer.status).toBe(201);
    expect(answer.body.attachments?.map((file) => [file.fileName, file.contentType])).toEqual([
      ['Bảng kết quả công việc.pdf', 'application/pdf'],
      ['xac-nhan.png', 'image/png'],
    ]);
    const listed = await app.graphql<{
      myAppeals: { attachments: { fileName: string; size: number; downloadUrl: string }[] }[];
    }>(
      '{ myAppeals { attachments { fileName size downloadUrl } } }',
      {},
      { token: await app.login('staff') },
    );
    expect(listed.data?.myAppeals[0]?.attachments.map((file) => file.fileName)).toEqual([
      'Bảng kết quả công việc.pdf',
      'xac-nhan.png',
    ]);
    const audit = await app.db.prisma.auditLog.findFirst({
      where: { action: 'attachAppealFiles' },
      orderBy: { id: 'desc' },
    });
    expect(JSON.stringify(audit?.after)).toContain('xac-nhan.png');
    expect(audit?.actorName).toBe('staff');
  });

  it('the appellant and the officer download a file as an attachment, never sniffed', async () => {
    const [first] =
      (await upload('staff', [{ name: 'them.pdf', type: 'application/pdf', content: pdf(10) }])).body
        .attachments ?? [];
    expect(first).toBeDefined();
    for (const user of ['staff', 'officer'] as const) {
      const response = await download(first?.url ?? '', user);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="them\.pdf"/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(
        Buffer.from(await response.arrayBuffer())
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');
    }
  });

  it('an outsider cannot download: the head of another Sở and a council member get 404', async () => {
    const stored = await app.db.prisma.appealAttachment.findFirstOrThrow({
      where: { appealId: decodeGlobalID(appealId).id },
    });
    const url = `/api/appeals/attachments/${gid('AppealAttachment', stored.id)}`;
    // Bình works in Phòng A1 under Sở A, which the head leads: the head may see it
    expect((await download(url, 'head')).status).toBe(200);
    const council = await download(url, 'council');
    expect(council.status).toBe(404);
    expect(await council.text()).not.toContain('%PDF');
    const elsewhere = await fetch(`${base}${url}`, { headers: { authorization: `Bearer ${otherHead}` } });
    expect(elsewhere.status).toBe(404);
    const anonymous = await fetch(`${base}${url}`);
    expect(anonymous.status).toBe(401);
  });

  it('a file that is not a PDF, JPEG or PNG is refused, naming the field and the file', async () => {
    const before = await app.db.prisma.appealAttachment.count();
    const html = await upload('staff', [
      { name: 'trang.html', type: 'text/html', content: Buffer.from('<script>alert(1)</script>') },
    ]);
    expect(html.status).toBe(400);
    expect(html.body.fields?.[0]?.field).toBe('files');
    expect(html.body.fields?.[0]?.message).toContain('trang.html');
    // a declared PDF whose bytes are not a PDF's is refused too
    const disguised = await upload('staff', [
      { name: 'gia.pdf', type: 'application/pdf', content: Buffer.from('MZ\x90\x00 not a pdf') },
    ]);
    expect(disguised.status).toBe(400);
    expect(disguised.body.fields?.[0]).toMatchObject({ field: 'files' });
    expect(disguised.body.fields?.[0]?.message).toMatch(/không phải PDF, JPEG hay PNG/);
    expect(await app.db.prisma.appealAttachment.count()).toBe(before);
  });

  it('a file over the size cap is refused; a body over the appeal’s total is cut off with 413', async () => {
    const before = await app.db.prisma.appealAttachment.count();
    const big = await upload('staff', [
      { name: 'lon.pdf', type: 'application/pdf', content: pdf(maxAppealAttachmentBytes + 1) },
    ]);
    expect(big.status).toBe(400);
    expect(big.body.fields?.[0]).toMatchObject({ field: 'files' });
    expect(big.body.fields?.[0]?.message).toMatch(/quá lớn: tối đa 5 MB/);
    const huge = await fetch(`${base}/api/appeals/${encodeURIComponent(appealId)}/attachments`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await app.login('staff')}`,
        'content-type': 'multipart/form-data; boundary=x',
        'content-length': String(30 * 1024 * 1024),
      },
      body: Buffer.alloc(30 * 1024 * 1024),
    }).catch(() => null);
    if (huge) {
      expect(huge.status).toBe(413);
      expect(((await huge.json()) as Answer).code).toBe('PAYLOAD_TOO_LARGE');
    }
    expect(await app.db.prisma.appealAttachment.count()).toBe(before);
  });

  it('no more than five files on an appeal; nobody but the appellant attaches', async () => {
    const count = await app.db.prisma.appealAttachment.count({
      where: { appealId: decodeGlobalID(appealId).id },
    });
    const many = await upload(
      'staff',
      Array.from({ length: 6 - count }, (_, index) => ({
        name: `tep-${index}.png`,
        type: 'image/png',
        content: png,
      })),
    );
    expect(many.status).toBe(400);
    expect(many.body.fields?.[0]?.message).toMatch(/Tối đa 5 tệp/);
    const officer = await upload('officer', [{ name: 'x.pdf', type: 'application/pdf', content: pdf() }]);
    expect(officer.status).toBe(403);
    const council = await upload('council', [{ name: 'x.pdf', type: 'application/pdf', content: pdf() }]);
    expect(council.status).toBe(404);
  });

  it('a browser session uploads only with its CSRF header', async () => {
    const login = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation ($p: String!) { login(username: "staff", password: $p) { csrfToken } }',
        variables: { p: fixturePassword },
      }),
    });
    const csrf = ((await login.json()) as { data: { login: { csrfToken: string } } }).data.login.csrfToken;
    const cookie =
      (login.headers.getSetCookie().find((c) => c.startsWith('cadre_session=')) ?? '').split(';')[0] ?? '';
    const post = (headers: Record<string, string>) => {
      const form = new FormData();
      form.append('files', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'anh.png');
      return fetch(`${base}/api/appeals/${encodeURIComponent(appealId)}/attachments`, {
        method: 'POST',
        headers: { cookie, ...headers },
        body: form,
      });
    };
    const before = await app.db.prisma.appealAttachment.count();
    expect((await post({})).status).toBe(401);
    expect(await app.db.prisma.appealAttachment.count()).toBe(before);
    const allowed = await post({ 'x-csrf-token': csrf });
    expect(allowed.status).toBe(201);
    expect(await app.db.prisma.appealAttachment.count()).toBe(before + 1);
  });
});
