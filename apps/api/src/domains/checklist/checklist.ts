import type { Cycle, Unit } from '@cadre/db';
import { builder } from '../../builder.ts';
import { CycleStatusEnum, RoleEnum } from '../../schema/enums.ts';
import { ErrorInterface } from '../../schema/errors.ts';
import { CycleRef } from '../cycles/cycle.ts';
import { maySendReminders } from '../reminders/services/send-reminders.ts';
import { buildUnitsWhere } from '../units/build-units-where.ts';
import { UnitRef } from '../units/unit.ts';
import { type ChecklistItem, checklistItemKinds, readChecklist } from './services/read-checklist.ts';
import { WorkflowBlockedError } from './workflow-blocked-error.ts';

const ChecklistItemKindEnum = builder.enumType('ChecklistItemKind', { values: checklistItemKinds });

type UnitCount = { unit: Unit; count: number };

const ChecklistUnitCountRef = builder.objectRef<UnitCount>('ChecklistUnitCount').implement({
  fields: (t) => ({
    unit: t.field({ type: UnitRef, resolve: (row) => row.unit }),
    count: t.exposeInt('count'),
  }),
});

type ItemRow = ChecklistItem & { units: UnitCount[] };

const ChecklistItemRef = builder.objectRef<ItemRow>('ChecklistItem').implement({
  description: 'Something due in a cycle: what, how many, by whom, by when, and what it blocks',
  fields: (t) => ({
    kind: t.field({ type: ChecklistItemKindEnum, resolve: (row) => row.kind }),
    count: t.exposeInt('count'),
    blocks: t.field({
      type: CycleStatusEnum,
      nullable: true,
      description: 'the move refused while this remains; null for a reminder',
      resolve: (row) => row.blocks,
    }),
    ownerRole: t.field({ type: RoleEnum, resolve: (row) => row.ownerRole }),
    stage: t.field({ type: CycleStatusEnum, resolve: (row) => row.stage }),
    dueOn: t.field({ type: 'Date', nullable: true, resolve: (row) => row.dueOn }),
    label: t.exposeString('label', { description: 'Vietnamese' }),
    labelEn: t.exposeString('labelEn'),
    byUnit: t.field({
      type: [ChecklistUnitCountRef],
      description: 'the units with the most outstanding (assessments)',
      resolve: (row) => row.units,
    }),
    viewerCanRemind: t.boolean({
      description: 'whether the caller may remind the people concerned (sendReminders)',
      resolve: (row, _args, context) =>
        row.kind === 'MISSING_SELF_ASSESSMENTS' &&
        row.count > 0 &&
        context.viewer !== null &&
        maySendReminders(context.viewer),
    }),
  }),
});

builder.objectType(WorkflowBlockedError, {
  name: 'WorkflowBlockedError',
  description: 'A cycle move refused while blocking items remain (listed)',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    items: t.field({
      type: [ChecklistItemRef],
      resolve: (error) => error.items.map((row) => ({ ...row, units: [] })),
    }),
  }),
});

type ChecklistView = { cycle: Cycle; items: ItemRow[] };

const ChecklistRef = builder.objectRef<ChecklistView>('Checklist').implement({
  fields: (t) => ({
    cycle: t.field({ type: CycleRef, resolve: (view) => view.cycle }),
    items: t.field({ type: [ChecklistItemRef], resolve: (view) => view.items }),
    blocking: t.int({
      description: 'how many items refuse the next move',
      resolve: (view) => view.items.filter((row) => row.blocks !== null).length,
    }),
  }),
});

builder.queryFields((t) => ({
  checklist: t.withAuth({ loggedIn: true }).field({
    type: ChecklistRef,
    nullable: true,
    description:
      'What is due in the cycle for the caller’s role and scope. Null when the cycle is not visible.',
    args: { cycleId: t.arg.globalID({ required: true, for: CycleRef }) },
    resolve: async (_root, args, context) => {
      const checklist = await readChecklist({
        prisma: context.prisma,
        viewer: context.viewer,
        unitTrees: context.unitTrees,
        cycleId: args.cycleId.id,
      });
      if (!checklist) return null;
      const unitIds = [...new Set(checklist.items.flatMap((row) => row.byUnit.map((entry) => entry.unitId)))];
      const units = unitIds.length
        ? await context.prisma.unit.findMany({
            where: { id: { in: unitIds }, AND: [buildUnitsWhere({ viewer: context.viewer })] },
          })
        : [];
      const byId = new Map(units.map((unit) => [unit.id, unit]));
      return {
        cycle: checklist.cycle,
        items: checklist.items.map((row) => ({
          ...row,
          units: row.byUnit.flatMap((entry) => {
            const unit = byId.get(entry.unitId);
            return unit ? [{ unit, count: entry.count }] : [];
          }),
        })),
      };
    },
  }),
}));
