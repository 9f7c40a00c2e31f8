import { builder } from '../../builder.ts';
import { buildUnitsWhere } from '../units/build-units-where.ts';

builder.prismaNode('EmulationBlock', {
  name: 'EmulationBlock',
  id: { field: 'id' },
  nullable: true,
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    units: t.relation('units', {
      query: (_args, context) => ({
        where: context.viewer ? buildUnitsWhere({ viewer: context.viewer }) : { id: { in: [] } },
        orderBy: { name: 'asc' },
      }),
    }),
  }),
});

builder.queryFields((t) => ({
  blocks: t.withAuth({ loggedIn: true }).prismaField({
    type: ['EmulationBlock'],
    description: 'Emulation blocks (khối/cụm thi đua); their units are limited to the caller’s scope',
    resolve: (query, _root, _args, context) =>
      context.prisma.emulationBlock.findMany({ ...query, orderBy: { code: 'asc' } }),
  }),
}));
