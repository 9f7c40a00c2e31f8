import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../../builder.ts';
import { nonEmpty } from '../../prisma-query.ts';
import { writeErrors } from '../../schema/errors.ts';
import { CycleDeadlineInput, CycleRef } from '../cycles/cycle.ts';
import { deleteDraftCycle } from './services/delete-draft-cycle.ts';
import { updateCycleDeadlines } from './services/update-cycle-deadlines.ts';

type Deleted = { id: string; name: string };

const DeletedCycleRef = builder.objectRef<Deleted>('DeletedCycle').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
  }),
});

builder.mutationFields((t) => ({
  updateCycleDeadlines: t.withAuth({ role: ['ADMIN', 'OFFICER'] }).prismaField({
    type: 'Cycle',
    description:
      'Replaces the stage deadlines (in the workflow’s order) with a reason, until the cycle is archived; audited',
    errors: { types: writeErrors },
    args: {
      cycleId: t.arg.globalID({ required: true, for: CycleRef }),
      deadlines: t.arg({ type: [CycleDeadlineInput], required: true }),
      reason: t.arg.string({ required: true }),
      version: t.arg.int({ required: true }),
    },
    resolve: async (query, _root, args, context) => {
      const cycle = await updateCycleDeadlines({
        prisma: context.prisma,
        viewer: context.viewer,
        cycleId: args.cycleId.id,
        deadlines: args.deadlines,
        reason: args.reason,
        version: args.version,
      });
      return context.prisma.cycle.findUniqueOrThrow({ ...nonEmpty(query), where: { id: cycle.id } });
    },
  }),
  deleteCycle: t.withAuth({ role: ['ADMIN', 'OFFICER'] }).field({
    type: DeletedCycleRef,
    description: 'Deletes a cycle still in DRAFT (a mistaken one); audited',
    errors: { types: writeErrors },
    args: {
      id: t.arg.globalID({ required: true, for: CycleRef }),
      version: t.arg.int({ required: true }),
    },
    resolve: async (_root, args, context) => {
      const deleted = await deleteDraftCycle({
        prisma: context.prisma,
        viewer: context.viewer,
        cycleId: args.id.id,
        version: args.version,
      });
      return { id: encodeGlobalID('Cycle', deleted.id), name: deleted.name };
    },
  }),
}));
