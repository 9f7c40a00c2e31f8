import { testEngines } from '@cadre/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, gid, type TestApp } from '../../test-support/test-app.ts';

type Sent = {
  sendReminders:
    | {
        __typename: 'SendRemindersSuccess';
        data: { sent: number; alreadyReminded: number; dueOn: string | null };
      }
    | { __typename: string; message: string };
};
type Mine = { myReminders: { id: string; kind: string; sentByName: string; dueOn: string | null }[] };

const send = `mutation ($cycleId: ID!, $unitId: ID) {
  sendReminders(cycleId: $cycleId, unitId: $unitId) {
    __typename
    ... on SendRemindersSuccess { data { sent alreadyReminded dueOn } }
    ... on Error { message }
  } }`;
const mine = 'query ($cycleId: ID!) { myReminders(cycleId: $cycleId) { id kind sentByName dueOn } }';

describe.each(testEngines())('reminders of missing self-assessments on %s', (engine) => {
  let app: TestApp;
  let cycleId: string;
  let localCycleId: string;

  const remind = async (user: 'head' | 'officer' | 'staff', unitId?: string) =>
    (await app.graphql<Sent>(send, { cycleId, unitId }, { token: await app.login(user) })).data
      ?.sendReminders;
  const reminders = async () =>
    (await app.graphql<Mine>(mine, { cycleId }, { token: await app.login('staff') })).data?.myReminders ?? [];

  beforeAll(async () => {
    app = await createTestApp(engine);
    const cycle = await app.db.prisma.cycle.create({
      data: {
        year: 2026,
        name: 'Năm 2026',
        packId: 'vn-nd335-2025',
        scopeUnitId: app.fixture.units.province,
        status: 'OPEN',
        deadlines: { create: { stage: 'OPEN', dueOn: new Date('2026-12-10'), ownerRole: 'STAFF' } },
      },
    });
    localCycleId = cycle.id;
    cycleId = gid('Cycle', cycle.id);
  });
  afterAll(() => app.close());

  it('a head reminds the people of his department without a submitted self-assessment, not himself', async () => {
    // Em has submitted; Bình (Phòng A1) has not; An is the head himself
    await app.db.prisma.selfAssessment.create({
      data: {
        cycleId: localCycleId,
        personId: app.fixture.people.em,
        achievements: 'Đã làm',
        proposedRating: 'GOOD',
        submittedAt: new Date(),
      },
    });
    const answer = await remind('head');
    expect(answer).toMatchObject({ data: { sent: 1, alreadyReminded: 0, dueOn: '2026-12-10' } });
    const rows = await app.db.prisma.reminder.findMany({ where: { cycleId: localCycleId } });
    expect(rows.map((row) => row.personId)).toEqual([app.fixture.people.binh]);
    const audit = await app.db.prisma.auditLog.findFirst({ where: { action: 'sendReminders' } });
    expect(audit?.entityId).toBe(localCycleId);
  });

  it('shows the person their reminder with who sent it and the deadline, until dismissed', async () => {
    const [reminder, ...more] = await reminders();
    expect(more).toEqual([]);
    expect(reminder).toMatchObject({ kind: 'SELF_ASSESSMENT', sentByName: 'head', dueOn: '2026-12-10' });
    // another account cannot dismiss it
    const other = await app.graphql<{ dismissReminder: boolean }>(
      'mutation ($id: ID!) { dismissReminder(id: $id) }',
      { id: reminder?.id },
      { token: await app.login('head') },
    );
    expect(other.data?.dismissReminder).toBe(false);
    expect(await reminders()).toHaveLength(1);
    const own = await app.graphql<{ dismissReminder: boolean }>(
      'mutation ($id: ID!) { dismissReminder(id: $id) }',
      { id: reminder?.id },
      { token: await app.login('staff') },
    );
    expect(own.data?.dismissReminder).toBe(true);
    expect(await reminders()).toEqual([]);
  });

  it('reminds nobody twice in a day while the reminder stands, and the office reaches the whole province', async () => {
    const again = await remind('head');
    expect(again).toMatchObject({ data: { sent: 1 } }); // Bình dismissed hers: reminded again
    const third = await remind('head');
    expect(third).toMatchObject({ data: { sent: 0, alreadyReminded: 1 } });
    // the office: An, Cường, Dung (and Bình already reminded); Em has submitted
    const office = await remind('officer');
    expect(office).toMatchObject({ data: { sent: 3, alreadyReminded: 1 } });
    const onlySoB = await remind('officer', gid('Unit', app.fixture.units.dept2));
    expect(onlySoB).toMatchObject({ data: { sent: 0, alreadyReminded: 2 } });
  });

  it('says nothing is due once the self-assessment is submitted', async () => {
    await app.db.prisma.selfAssessment.create({
      data: {
        cycleId: localCycleId,
        personId: app.fixture.people.binh,
        achievements: 'Đã làm',
        proposedRating: 'GOOD',
        submittedAt: new Date(),
      },
    });
    expect(await reminders()).toEqual([]);
  });

  it('refuses staff, and a cycle past its self-assessments, naming the field', async () => {
    const staff = await app.graphql<Sent>(send, { cycleId }, { token: await app.login('staff') });
    expect(staff.data?.sendReminders).toMatchObject({ __typename: 'ForbiddenError' });
    await app.db.prisma.cycle.update({ where: { id: localCycleId }, data: { status: 'REVIEW' } });
    const late = await remind('officer');
    expect(late).toMatchObject({ __typename: 'ValidationError' });
    expect(JSON.stringify(late)).toContain('self-assessments');
  });
});
