import { type Prisma, toSearchText } from '@cadre/db';
import type { StringValidationOptions } from '@pothos/plugin-zod';
import { builder } from '../../builder.ts';
import { ConflictError } from '../../errors.ts';
import { optionalLocalId } from '../../ids.ts';
import { nonEmpty } from '../../prisma-query.ts';
import { UnitKindEnum } from '../../schema/enums.ts';
import { writeErrors } from '../../schema/errors.ts';
import { likeLiteral } from '../../scope/like-pattern.ts';
import { keyed } from '../../validation.ts';
import { buildPeopleWhere } from '../people/build-people-where.ts';
import { buildUnitsWhere } from './build-units-where.ts';
import { createUnit } from './services/create-unit.ts';
import { updateUnit } from './services/update-unit.ts';

const nothing = { id: { in: [] } };

export const UnitRef = builder.prismaNode('Unit', {
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, context) =>
    context.viewer ? { id, AND: [buildUnitsWhere({ viewer: context.viewer })] } : { id },
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    kind: t.expose('kind', { type: UnitKindEnum }),
    active: t.exposeBoolean('active'),
    version: t.exposeInt('version'),
    parent: t.relation('parent', { nullable: true }),
    children: t.relation('children', {
      query: (_args, context) => ({
        where: context.viewer ? buildUnitsWhere({ viewer: context.viewer }) : nothing,
        orderBy: { name: 'asc' },
      }),
    }),
    block: t.relation('block', { nullable: true }),
    heads: t.relation('leaders', {
      description: 'the people who lead this unit (their leadsUnit), active and within the caller’s scope',
      query: (_args, context) => ({
        where: {
          AND: [{ active: true }, context.viewer ? buildPeopleWhere({ viewer: context.viewer }) : nothing],
        },
        orderBy: [{ fullName: 'asc' }, { id: 'asc' }],
      }),
    }),
    peopleCount: t.relationCount('people', {
      description: 'people whose unit is this one (not its sub-units), within the caller’s scope',
      where: (_args, context) => ({
        AND: [{ active: true }, context.viewer ? buildPeopleWhere({ viewer: context.viewer }) : nothing],
      }),
    }),
  }),
});

function unitSearchWhere(search: string | null | undefined): Prisma.UnitWhereInput {
  const text = search?.trim();
  if (!text) return {};
  return {
    OR: [
      { searchName: { contains: likeLiteral(toSearchText(text)) } },
      { code: { contains: likeLiteral(text), mode: 'insensitive' } },
    ],
  };
}

builder.queryFields((t) => ({
  units: t.withAuth({ loggedIn: true }).prismaField({
    type: ['Unit'],
    description: 'Every unit the caller may see, flat, ordered by name (build the tree with parent ids)',
    args: { search: t.arg.string({ required: false }) },
    resolve: (query, _root, args, context) =>
      context.prisma.unit.findMany({
        ...query,
        where: { AND: [buildUnitsWhere({ viewer: context.viewer }), unitSearchWhere(args.search)] },
        orderBy: [{ name: 'asc' }, { id: 'asc' }],
      }),
  }),
  unit: t.withAuth({ loggedIn: true }).prismaField({
    type: 'Unit',
    nullable: true,
    args: { id: t.arg.globalID({ required: true, for: UnitRef }) },
    resolve: (query, _root, args, context) =>
      context.prisma.unit.findFirst({
        ...query,
        where: { id: args.id.id, AND: [buildUnitsWhere({ viewer: context.viewer })] },
      }),
  }),
}));

const unitNameValidation: StringValidationOptions = {
  minLength: [1, { message: keyed('unit.nameEmpty') }],
  maxLength: [300, { message: keyed('unit.nameTooLong') }],
  // a name of spaces would be saved as an empty name once trimmed
  regex: [/\S/, { message: keyed('unit.nameEmpty') }],
};

const CreateUnitInput = builder.inputType('CreateUnitInput', {
  fields: (t) => ({
    code: t.string({
      required: true,
      validate: {
        minLength: [1, { message: keyed('unit.codeEmpty') }],
      },
    }),
    name: t.string({ required: true, validate: unitNameValidation }),
    kind: t.field({ type: UnitKindEnum, required: true }),
    parentId: t.globalID({ required: true }),
    blockId: t.globalID({ required: false }),
  }),
});

const UpdateUnitInput = builder.inputType('UpdateUnitInput', {
  fields: (t) => ({
    name: t.string({ required: false, validate: unitNameValidation }),
    kind: t.field({ type: UnitKindEnum, required: false }),
    parentId: t.globalID({ required: false }),
    blockId: t.globalID({ required: false }),
    active: t.boolean({ required: false }),
  }),
});

builder.mutationFields((t) => ({
  createUnit: t.withAuth({ role: ['ADMIN', 'OFFICER'] }).prismaField({
    type: 'Unit',
    errors: { types: [...writeErrors, ConflictError] },
    args: { input: t.arg({ type: CreateUnitInput, required: true }) },
    resolve: async (query, _root, args, context) => {
      const { parentId, blockId, ...rest } = args.input;
      const unit = await createUnit({
        prisma: context.prisma,
        viewer: context.viewer,
        unitTrees: context.unitTrees,
        input: {
          ...rest,
          parentId: optionalLocalId(parentId, 'Unit', 'input.parentId') ?? null,
          blockId: optionalLocalId(blockId, 'EmulationBlock', 'input.blockId') ?? null,
        },
      });
      return context.prisma.unit.findUniqueOrThrow({ ...nonEmpty(query), where: { id: unit.id } });
    },
  }),
  updateUnit: t.withAuth({ role: ['ADMIN', 'OFFICER'] }).prismaField({
    type: 'Unit',
    errors: { types: writeErrors },
    args: {
      id: t.arg.globalID({ required: true, for: UnitRef }),
      version: t.arg.int({ required: true }),
      input: t.arg({ type: UpdateUnitInput, required: true }),
    },
    resolve: async (query, _root, args, context) => {
      const { parentId, blockId, ...rest } = args.input;
      const unit = await updateUnit({
        prisma: context.prisma,
        viewer: context.viewer,
        unitTrees: context.unitTrees,
        id: args.id.id,
        version: args.version,
        input: {
          ...rest,
          parentId: optionalLocalId(parentId, 'Unit', 'input.parentId'),
          blockId: optionalLocalId(blockId, 'EmulationBlock', 'input.blockId'),
        },
      });
      return context.prisma.unit.findUniqueOrThrow({ ...nonEmpty(query), where: { id: unit.id } });
    },
  }),
}));
