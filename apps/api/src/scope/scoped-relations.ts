// Relations are scoped by the type they return, not field by field.
//
// Root fields (`people`, `results`, `node`…) apply their entity's where-builder in the query they
// run. A relation (`cycle.transitions.byUser`, `award.person`, `council.members.user`…) loads
// through Prisma's include and would skip it. So after the schema is built, every field of every
// object type (other than Query/Mutation and the edges of root connections, whose resolvers apply
// the builder themselves) that returns one of the types below is wrapped: the ids it returns are
// looked up once per request and type, batched, through the same where-builder, and what is out of
// the viewer's scope becomes null (a single object) or is left out (a list).
//
// To scope a new type (or a new domain's relation to an existing one): add a row to
// `scopedTypes` naming the Prisma model and the where-builder. Nothing is needed per field: a
// relation added later to any type is covered as soon as the schema is built.
import type { Prisma, PrismaClient } from '@cadre/db';
import DataLoader from 'dataloader';
import {
  defaultFieldResolver,
  type GraphQLFieldResolver,
  type GraphQLSchema,
  getNamedType,
  isObjectType,
} from 'graphql';
import type { Context } from '../context.ts';
import { buildUsersWhere } from '../domains/accounts/build-users-where.ts';
import { buildCouncilsWhere, buildSessionsWhere } from '../domains/emulation/build-proposals-where.ts';
import { buildFlagsWhere } from '../domains/evaluation/build-flags-where.ts';
import { buildResultsWhere } from '../domains/evaluation/build-results-where.ts';
import { buildPeopleWhere } from '../domains/people/build-people-where.ts';
import type { Viewer } from './viewer.ts';

type Row = { id: string };
type ScopeRule = {
  /** {} means no restriction: nothing is looked up */
  where(viewer: Viewer): object;
  find(prisma: PrismaClient, where: object): Promise<Row[]>;
};

/**
 * A person reached through a relation: one the people builder allows, or the person of a result
 * the viewer may read (a head reads the name on a result of their unit after the person moved; a
 * council member reads the names on the rankings of their councils). Details stay behind
 * Person's own field checks.
 */
export function buildReachablePeopleWhere(options: { viewer: Viewer }): Prisma.PersonWhereInput {
  const people = buildPeopleWhere(options);
  if (Object.keys(people).length === 0) return {};
  return { OR: [people, { results: { some: buildResultsWhere(options) } }] };
}

export const scopedTypes: Record<string, ScopeRule> = {
  Person: {
    where: (viewer) => buildReachablePeopleWhere({ viewer }),
    find: (prisma, where) => prisma.person.findMany({ where, select: { id: true } }),
  },
  // accounts are for administrators: anyone else reaches only their own
  User: {
    where: (viewer) => buildUsersWhere({ viewer }),
    find: (prisma, where) => prisma.user.findMany({ where, select: { id: true } }),
  },
  EvaluationResult: {
    where: (viewer) => buildResultsWhere({ viewer }),
    find: (prisma, where) => prisma.evaluationResult.findMany({ where, select: { id: true } }),
  },
  Flag: {
    where: (viewer) => buildFlagsWhere({ viewer }),
    find: (prisma, where) => prisma.flag.findMany({ where, select: { id: true } }),
  },
  ResultFlag: {
    where: (viewer) => buildFlagsWhere({ viewer }),
    find: (prisma, where) => prisma.flag.findMany({ where, select: { id: true } }),
  },
  Council: {
    where: (viewer) => buildCouncilsWhere({ viewer }),
    find: (prisma, where) => prisma.council.findMany({ where, select: { id: true } }),
  },
  CouncilSession: {
    where: (viewer) => buildSessionsWhere({ viewer }),
    find: (prisma, where) => prisma.councilSession.findMany({ where, select: { id: true } }),
  },
  Ballot: {
    where: (viewer) => ({ session: buildSessionsWhere({ viewer }) }),
    find: (prisma, where) => prisma.ballot.findMany({ where, select: { id: true } }),
  },
};

const loaders = new WeakMap<object, Map<string, DataLoader<string, boolean>>>();

function loaderFor(context: Context, typename: string, rule: ScopeRule): DataLoader<string, boolean> {
  let byType = loaders.get(context);
  if (!byType) {
    byType = new Map();
    loaders.set(context, byType);
  }
  let loader = byType.get(typename);
  if (!loader) {
    const viewer = context.viewer;
    loader = new DataLoader<string, boolean>(async (ids) => {
      if (!viewer) return ids.map(() => false);
      const where = rule.where(viewer);
      if (Object.keys(where).length === 0) return ids.map(() => true);
      const found = await rule.find(context.prisma, { AND: [{ id: { in: [...ids] } }, where] });
      const visible = new Set(found.map((row) => row.id));
      return ids.map((id) => visible.has(id));
    });
    byType.set(typename, loader);
  }
  return loader;
}

function idOf(value: unknown): string | null {
  if (value && typeof value === 'object' && 'id' in value && typeof value.id === 'string') return value.id;
  return null;
}

async function keepVisible(value: unknown, loader: DataLoader<string, boolean>): Promise<unknown> {
  if (value === null || value === undefined) return value;
  if (Array.isArray(value)) {
    const items = await Promise.all(value.map((item) => keepVisible(item, loader)));
    return items.filter((item) => item !== null && item !== undefined);
  }
  const id = idOf(value);
  // an object without an id is not a row of the type: nothing to look up, nothing to show
  if (id === null) return null;
  return (await loader.load(id)) ? value : null;
}

const rootTypes = new Set(['Query', 'Mutation', 'Subscription']);
/** What `login` answers: the account that just signed in, before a viewer exists. */
const ownPayloads = new Set(['LoginPayload']);

/** Whether a type is the edge of a root connection (`QueryPeopleConnectionEdge`): its resolver scopes it. */
function isRootConnectionEdge(typename: string): boolean {
  return /^(Query|Mutation)[A-Z].*ConnectionEdge$/.test(typename);
}

/** The fields the wrapper covers, as `Type.field` (the generated scope test walks the same list). */
export function scopedRelationFields(
  schema: GraphQLSchema,
): { type: string; field: string; target: string }[] {
  const result: { type: string; field: string; target: string }[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || rootTypes.has(type.name)) continue;
    if (ownPayloads.has(type.name)) continue;
    if (isRootConnectionEdge(type.name)) continue;
    for (const field of Object.values(type.getFields())) {
      const target = getNamedType(field.type).name;
      if (target in scopedTypes) result.push({ type: type.name, field: field.name, target });
    }
  }
  return result;
}

/** Wraps every scoped relation of a built schema in place (see the comment at the top). */
export function scopeRelations(schema: GraphQLSchema): GraphQLSchema {
  for (const { type, field, target } of scopedRelationFields(schema)) {
    const objectType = schema.getType(type);
    if (!isObjectType(objectType)) continue;
    const definition = objectType.getFields()[field];
    const rule = scopedTypes[target];
    if (!definition || !rule) continue;
    const inner: GraphQLFieldResolver<unknown, Context> = definition.resolve ?? defaultFieldResolver;
    definition.resolve = async (parent, args, context, info) => {
      const value = await inner(parent, args, context, info);
      return keepVisible(value, loaderFor(context, target, rule));
    };
  }
  return schema;
}
