import type { Prisma } from '@cadre/db';
import type { StringValidationOptions } from '@pothos/plugin-zod';
import { builder } from '../../builder.ts';
import type { Context } from '../../context.ts';
import { ConflictError } from '../../errors.ts';
import { localId } from '../../ids.ts';
import { nonEmpty } from '../../prisma-query.ts';
import { StaffCategoryEnum } from '../../schema/enums.ts';
import { writeErrors } from '../../schema/errors.ts';
import { buildReachablePeopleWhere } from '../../scope/scoped-relations.ts';
import { descendantIds } from '../../scope/unit-tree.ts';
import type { Viewer } from '../../scope/viewer.ts';
import { keyed } from '../../validation.ts';
import { buildPeopleWhere } from './build-people-where.ts';
import { createPerson } from './services/create-person.ts';
import { countPeopleMatches, type PeopleSearch, searchPeoplePage } from './services/search-people.ts';
import { updatePerson } from './services/update-person.ts';

const _nothing = { id: { in: [] } } satisfies Prisma.PersonWhereInput;

/** Council members read nominees' names only; personal details stay with the people who manage them. */
function mayReadDetails(context: Context, personId: string): boolean {
  const viewer = context.viewer;
  return viewer !== null && (viewer.role !== 'COUNCIL_MEMBER' || viewer.personId === personId);
}

export const PersonRef = builder.prismaNode('Person', {
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, context) =>
    context.viewer ? { id, AND: [buildReachablePeopleWhere({ viewer: context.viewer })] } : { id },
  fields: (t) => ({
    code: t.exposeString('code'),
    fullName: t.exposeString('fullName'),
    unit: t.relation('unit'),
    category: t.expose('category', { type: StaffCategoryEnum }),
    positionTitle: t.exposeString('positionTitle', { nullable: true }),
    leadsUnit: t.relation('leadsUnit', { nullable: true }),
    active: t.exposeBoolean('active'),
    version: t.exposeInt('version'),
    birthDate: t.field({
      type: 'Date',
      nullable: true,
      resolve: (person, _args, context) => (mayReadDetails(context, person.id) ? person.birthDate : null),
    }),
    email: t.string({
      nullable: true,
      resolve: (person, _args, context) => (mayReadDetails(context, person.id) ? person.email : null),
    }),
    personalId: t.string({
      nullable: true,
      description: 'số định danh cá nhân (12 digits): state-secret material, shown only where details are',
      resolve: (person, _args, context) => (mayReadDetails(context, person.id) ? person.personalId : null),
    }),
    quotaGroup: t.exposeString('quotaGroup', { nullable: true }),
    hiredOn: t.field({
      type: 'Date',
      nullable: true,
      resolve: (person, _args, context) => (mayReadDetails(context, person.id) ? person.hiredOn : null),
    }),
    retirementOn: t.field({
      type: 'Date',
      nullable: true,
      resolve: (person, _args, context) => (mayReadDetails(context, person.id) ? person.retirementOn : null),
    }),
    sensitiveSector: t.string({
      nullable: true,
      resolve: (person, _args, context) =>
        mayReadDetails(context, person.id) ? person.sensitiveSector : null,
    }),
    sensitiveSince: t.field({
      type: 'Date',
      nullable: true,
      resolve: (person, _args, context) =>
        mayReadDetails(context, person.id) ? person.sensitiveSince : null,
    }),
    citizenFacing: t.exposeBoolean('citizenFacing'),
    dossierHandler: t.exposeBoolean('dossierHandler'),
  }),
});

const PeopleFilter = builder.inputType('PeopleFilter', {
  fields: (t) => ({
    unitId: t.globalID({ required: false, description: 'the unit and its whole subtree' }),
    search: t.string({
      required: false,
      description: 'part of the name or staff code; Vietnamese diacritics are ignored',
      validate: {
        maxLength: [100, { message: keyed('people.searchTooLong') }],
      },
    }),
    active: t.boolean({ required: false, description: 'default: active people only' }),
  }),
});

type PeopleFilterValue = {
  unitId?: { typename: string; id: string } | null;
  search?: string | null;
  active?: boolean | null;
};

/** The scope where-builder plus the caller's filter: unit subtree and activity (a search goes to peopleSearch). */
export async function peopleWhere(
  context: Context & { viewer: Viewer },
  filter: PeopleFilterValue | null | undefined,
): Promise<Prisma.PersonWhereInput> {
  const and: Prisma.PersonWhereInput[] = [buildPeopleWhere({ viewer: context.viewer })];
  if (filter?.unitId) {
    const tree = await context.unitTrees.get();
    and.push({ unitId: { in: descendantIds(tree, localId(filter.unitId, 'Unit', 'filter.unitId')) } });
  }
  if (filter?.active !== false) and.push({ active: true });
  return { AND: and };
}

/** A filter with a search: the ranked search statement (services/search-people.ts) answers it. */
async function peopleSearch(
  context: Context & { viewer: Viewer },
  filter: PeopleFilterValue | null | undefined,
): Promise<PeopleSearch | null> {
  const search = filter?.search?.trim();
  if (!search) return null;
  const unitIds = filter?.unitId
    ? descendantIds(await context.unitTrees.get(), localId(filter.unitId, 'Unit', 'filter.unitId'))
    : null;
  return { viewer: context.viewer, search, unitIds, activeOnly: filter?.active !== false };
}

builder.queryFields((t) => ({
  people: t.withAuth({ loggedIn: true }).prismaConnection({
    type: 'Person',
    cursor: 'id',
    defaultSize: 50,
    maxSize: 500,
    args: { filter: t.arg({ type: PeopleFilter, required: false }) },
    resolve: async (query, _root, args, context) => {
      const search = await peopleSearch(context, args.filter);
      if (search) {
        // ranked by the search statement, then loaded (with what the query selects) in that order
        const { take, skip: _skip, cursor, ...rest } = query;
        const ids = await searchPeoplePage({
          ...search,
          prisma: context.prisma,
          afterId: cursor?.id ?? null,
          take,
        });
        const people = await context.prisma.person.findMany({ ...rest, where: { id: { in: ids } } });
        const byId = new Map(people.map((person) => [person.id, person]));
        return ids.flatMap((id) => byId.get(id) ?? []);
      }
      return context.prisma.person.findMany({
        ...query,
        where: await peopleWhere(context, args.filter),
        orderBy: [{ fullName: 'asc' }, { id: 'asc' }],
      });
    },
    totalCount: async (_root, args, context) => {
      const search = await peopleSearch(context, args.filter);
      if (search) return countPeopleMatches({ ...search, prisma: context.prisma });
      return context.prisma.person.count({ where: await peopleWhere(context, args.filter) });
    },
  }),
}));

const fullNameValidation: StringValidationOptions = {
  minLength: [1, { message: keyed('person.fullNameEmpty') }],
};

const CreatePersonInput = builder.inputType('CreatePersonInput', {
  fields: (t) => ({
    code: t.string({
      required: true,
      validate: {
        minLength: [1, { message: keyed('person.codeEmpty') }],
      },
    }),
    fullName: t.string({ required: true, validate: fullNameValidation }),
    unitId: t.globalID({ required: true }),
    category: t.field({ type: StaffCategoryEnum, required: true }),
    positionTitle: t.string({ required: false }),
    email: t.string({
      required: false,
      validate: { email: [true, { message: keyed('person.emailInvalid') }] },
    }),
    birthDate: t.field({ type: 'Date', required: false }),
    hiredOn: t.field({ type: 'Date', required: true }),
    retirementOn: t.field({ type: 'Date', required: false }),
    citizenFacing: t.boolean({ required: false }),
    dossierHandler: t.boolean({ required: false }),
    personalId: t.string({ required: false, description: 'số định danh cá nhân, 12 digits' }),
    quotaGroup: t.string({ required: false, description: 'group of similar tasks for the excellent quota' }),
  }),
});

const UpdatePersonInput = builder.inputType('UpdatePersonInput', {
  fields: (t) => ({
    fullName: t.string({ required: false, validate: fullNameValidation }),
    unitId: t.globalID({ required: false }),
    category: t.field({ type: StaffCategoryEnum, required: false }),
    positionTitle: t.string({ required: false }),
    email: t.string({
      required: false,
      validate: { email: [true, { message: keyed('person.emailInvalid') }] },
    }),
    hiredOn: t.field({ type: 'Date', required: false }),
    retirementOn: t.field({ type: 'Date', required: false }),
    citizenFacing: t.boolean({ required: false }),
    dossierHandler: t.boolean({ required: false }),
    active: t.boolean({ required: false }),
    personalId: t.string({
      required: false,
      description: 'số định danh cá nhân, 12 digits; empty clears it',
    }),
    quotaGroup: t.string({ required: false }),
  }),
});

builder.mutationFields((t) => ({
  createPerson: t.withAuth({ role: ['ADMIN', 'OFFICER'] }).prismaField({
    type: 'Person',
    errors: { types: [...writeErrors, ConflictError] },
    args: { input: t.arg({ type: CreatePersonInput, required: true }) },
    resolve: async (query, _root, args, context) => {
      const { unitId, ...rest } = args.input;
      const person = await createPerson({
        prisma: context.prisma,
        viewer: context.viewer,
        input: { ...rest, unitId: localId(unitId, 'Unit', 'input.unitId') },
      });
      return context.prisma.person.findUniqueOrThrow({ ...nonEmpty(query), where: { id: person.id } });
    },
  }),
  updatePerson: t.withAuth({ role: ['ADMIN', 'OFFICER'] }).prismaField({
    type: 'Person',
    errors: { types: writeErrors },
    args: {
      id: t.arg.globalID({ required: true, for: PersonRef }),
      version: t.arg.int({ required: true, description: 'the version the client read (optimistic locking)' }),
      input: t.arg({ type: UpdatePersonInput, required: true }),
    },
    resolve: async (query, _root, args, context) => {
      const { unitId, ...rest } = args.input;
      const person = await updatePerson({
        prisma: context.prisma,
        viewer: context.viewer,
        id: args.id.id,
        version: args.version,
        input: { ...rest, unitId: unitId ? localId(unitId, 'Unit', 'input.unitId') : undefined },
      });
      return context.prisma.person.findUniqueOrThrow({ ...nonEmpty(query), where: { id: person.id } });
    },
  }),
}));
