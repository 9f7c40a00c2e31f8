import type { Reminder } from '@cadre/db';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../../builder.ts';
import { commonErrors } from '../../schema/errors.ts';
import { CycleRef } from '../cycles/cycle.ts';
import { UnitRef } from '../units/unit.ts';
import { dismissReminder, readMyReminders, sendReminders } from './services/send-reminders.ts';

// Reminders (DOMAIN: the self-assessment before the head's assessment): a head or the personnel
// office reminds everyone whose self-assessment is not submitted; each sees the reminder on their
// own page until they dismiss it or submit.

const ReminderKindEnum = builder.enumType('ReminderKind', { values: ['SELF_ASSESSMENT'] as const });

const ReminderRef = builder.objectRef<Reminder>('Reminder').implement({
  description: 'A reminder to the caller that something of theirs is due',
  fields: (t) => ({
    id: t.id({ resolve: (row) => encodeGlobalID('Reminder', row.id) }),
    kind: t.field({ type: ReminderKindEnum, resolve: (row) => row.kind }),
    sentByName: t.exposeString('sentByName', { description: 'who sent it, by name' }),
    sentAt: t.field({ type: 'DateTime', resolve: (row) => row.sentAt }),
    dueOn: t.field({ type: 'Date', nullable: true, resolve: (row) => row.dueOn }),
  }),
});

type SentReminders = { sent: number; alreadyReminded: number; dueOn: Date | null };

const SentRemindersRef = builder.objectRef<SentReminders>('SentReminders').implement({
  fields: (t) => ({
    sent: t.exposeInt('sent', { description: 'people reminded now' }),
    alreadyReminded: t.exposeInt('alreadyReminded', {
      description: 'people left out: reminded in the last day and not yet having dismissed it',
    }),
    dueOn: t.field({ type: 'Date', nullable: true, resolve: (row) => row.dueOn }),
  }),
});

builder.queryFields((t) => ({
  myReminders: t.withAuth({ loggedIn: true }).field({
    type: [ReminderRef],
    description:
      'The caller’s own reminders of the cycle, not yet dismissed (none once what they ask for is done)',
    args: { cycleId: t.arg.globalID({ required: true, for: CycleRef }) },
    resolve: (_root, args, context) =>
      readMyReminders({ prisma: context.prisma, viewer: context.viewer, cycleId: args.cycleId.id }),
  }),
}));

builder.mutationFields((t) => ({
  sendReminders: t.withAuth({ role: ['ADMIN', 'OFFICER', 'UNIT_HEAD'] }).field({
    type: SentRemindersRef,
    description:
      'Reminds everyone of the caller’s scope (or of the unit) whose self-assessment of the cycle is not submitted',
    errors: { types: commonErrors },
    args: {
      cycleId: t.arg.globalID({ required: true, for: CycleRef }),
      unitId: t.arg.globalID({ required: false, for: UnitRef }),
    },
    resolve: (_root, args, context) =>
      sendReminders({
        prisma: context.prisma,
        viewer: context.viewer,
        unitTrees: context.unitTrees,
        cycleId: args.cycleId.id,
        unitId: args.unitId?.id ?? null,
      }),
  }),
  dismissReminder: t.withAuth({ loggedIn: true }).boolean({
    description: 'The caller dismisses one of their own reminders (false: not theirs, or already dismissed)',
    args: { id: t.arg.globalID({ required: true }) },
    resolve: (_root, args, context) =>
      args.id.typename === 'Reminder' &&
      dismissReminder({ prisma: context.prisma, viewer: context.viewer, reminderId: args.id.id }),
  }),
}));
