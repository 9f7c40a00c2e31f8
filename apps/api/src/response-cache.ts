// Whole responses of the ranking query and of the people list and search, kept in the read cache
// (read-cache.ts) until a committed change to what they show. A ranking is read far more often
// than it changes (every head, council member and officer opens it in December; it changes with a
// run or a decision), and so is a list of people searched by a common name; executing them costs
// more than reading them, so a repeated one is answered without executing it at all.
//
// Only an operation that is a query made of `results` or `people` alone, asking for fields read
// from the results, people, units and cycles tables, is kept: its validity then follows exactly the
// change notifications of those tables. The key holds the viewer's scope (role, units, councils, person),
// never the user, so everyone with the same scope shares an entry; a response with errors is not
// kept.
import { decodeGlobalID } from '@pothos/plugin-relay';
import {
  type DocumentNode,
  type ExecutionResult,
  type FieldNode,
  type GraphQLSchema,
  getArgumentValues,
  getNamedType,
  getOperationAST,
  isLeafType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  print,
  type SelectionSetNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from './context.ts';
import { cacheKey, type ReadCache } from './read-cache.ts';
import type { Viewer } from './scope/viewer.ts';

/** Fields whose values come from the tables the tags name; a type listed with '*' allows all its leaves. */
const allowedFields: Record<string, ReadonlySet<string> | '*'> = {
  Query: new Set(['results', 'people']),
  QueryResultsConnection: new Set(['edges', 'pageInfo', 'totalCount']),
  QueryResultsConnectionEdge: new Set(['cursor', 'node']),
  QueryPeopleConnection: new Set(['edges', 'pageInfo', 'totalCount']),
  QueryPeopleConnectionEdge: new Set(['cursor', 'node']),
  PageInfo: '*',
  EvaluationResult: new Set([
    'id',
    'score',
    'components',
    'proposedRating',
    'engineRating',
    'finalRating',
    'finalReason',
    'decidedAt',
    'titles',
    'trace',
    'version',
    'person',
    'unit',
  ]),
  ScoreComponents: '*',
  TraceEntry: '*',
  Person: '*',
  Unit: new Set(['id', 'code', 'name', 'kind', 'active', 'version', 'parent']),
};
/** object-typed fields allowed under the types marked '*' */
const allowedObjectFields: Record<string, ReadonlySet<string>> = { Person: new Set(['unit', 'leadsUnit']) };

function isAllowed(typeName: string, fieldName: string, leaf: boolean): boolean {
  if (fieldName === '__typename') return true;
  const allowed = allowedFields[typeName];
  if (allowed === '*') return leaf || (allowedObjectFields[typeName]?.has(fieldName) ?? false);
  return allowed?.has(fieldName) ?? false;
}

/** Whether every field of the selection (fragments followed) is one of the allowed ones. */
function selectsAllowedOnly(
  schema: GraphQLSchema,
  document: DocumentNode,
  typeName: string,
  selectionSet: SelectionSetNode,
): boolean {
  const type = schema.getType(typeName);
  if (!isObjectType(type)) return false;
  const fields = type.getFields();
  return selectionSet.selections.every((selection) => {
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      const on = selection.typeCondition?.name.value ?? typeName;
      return on === typeName && selectsAllowedOnly(schema, document, typeName, selection.selectionSet);
    }
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = document.definitions.find(
        (definition) =>
          definition.kind === Kind.FRAGMENT_DEFINITION && definition.name.value === selection.name.value,
      );
      return (
        fragment?.kind === Kind.FRAGMENT_DEFINITION &&
        fragment.typeCondition.name.value === typeName &&
        selectsAllowedOnly(schema, document, typeName, fragment.selectionSet)
      );
    }
    if (selection.directives && selection.directives.length > 0) return false;
    if (selection.name.value === '__typename') return true;
    const field = fields[selection.name.value];
    if (!field) return false;
    const named = getNamedType(field.type);
    if (!isAllowed(typeName, selection.name.value, isLeafType(named))) return false;
    return selection.selectionSet
      ? selectsAllowedOnly(schema, document, named.name, selection.selectionSet)
      : isLeafType(named);
  });
}

type Shape = { text: string; operation: OperationDefinitionNode; field: FieldNode } | null;

/** The query's cacheable shape, worked out once per parsed document (Yoga reuses parsed documents). */
function shapeOf(
  shapes: WeakMap<DocumentNode, Map<string, Shape>>,
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
): Shape {
  let byName = shapes.get(document);
  if (!byName) {
    byName = new Map();
    shapes.set(document, byName);
  }
  const name = operationName ?? '';
  if (byName.has(name)) return byName.get(name) ?? null;
  let shape: Shape = null;
  const operation = getOperationAST(document, operationName);
  const only = operation?.selectionSet.selections.filter(
    (selection) => !(selection.kind === Kind.FIELD && selection.name.value === '__typename'),
  );
  const field = only?.length === 1 && only[0]?.kind === Kind.FIELD ? only[0] : undefined;
  if (
    operation?.operation === 'query' &&
    (field?.name.value === 'results' || field?.name.value === 'people') &&
    selectsAllowedOnly(schema, document, 'Query', operation.selectionSet)
  ) {
    shape = { text: print(document), operation, field };
  }
  byName.set(name, shape);
  return shape;
}

/** What the where-builders read of the viewer: who the user is does not matter, only what they may see. */
function scopeOf(scopes: WeakMap<Viewer, string>, viewer: Viewer): string {
  let scope = scopes.get(viewer);
  if (scope === undefined) {
    scope = cacheKey([
      viewer.role,
      viewer.personId,
      viewer.personUnitId,
      viewer.scopeUnitId,
      viewer.unitIds,
      viewer.ancestorUnitIds,
      viewer.councilUnitIds,
      viewer.councilIds,
    ]);
    scopes.set(viewer, scope);
  }
  return scope;
}

/**
 * The tables the answer of the root field is read from, or null when it is not kept. `people`
 * for a council member is left out: their scope follows the proposals, whose changes the cache
 * is not told of.
 */
function tagsOf(
  schema: GraphQLSchema,
  field: FieldNode,
  variables: Record<string, unknown>,
  viewer: Viewer,
): readonly string[] | null {
  if (field.name.value === 'people') {
    return viewer.role === 'COUNCIL_MEMBER' ? null : ['Person', 'Unit'];
  }
  try {
    const definition = schema.getQueryType()?.getFields().results;
    if (!definition) return null;
    const values = getArgumentValues(definition, field, variables);
    const decoded = decodeGlobalID(String(values.cycleId));
    if (decoded.typename !== 'Cycle') return null;
    return [`EvaluationResult:${decoded.id}`, 'Person', 'Unit', 'Cycle'];
  } catch {
    return null; // bad arguments: execution says what is wrong
  }
}

export function cachedResponses(readCache: ReadCache): Plugin<Context> {
  const shapes = new WeakMap<DocumentNode, Map<string, Shape>>();
  const scopes = new WeakMap<Viewer, string>();
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const context = args.contextValue as Context;
      if (!context.viewer) return;
      const shape = shapeOf(shapes, args.schema, args.document, args.operationName);
      if (!shape) return;
      const variables = (args.variableValues ?? {}) as Record<string, unknown>;
      const tags = tagsOf(args.schema, shape.field, variables, context.viewer);
      if (!tags) return;
      const key = cacheKey([
        'response',
        shape.text,
        args.operationName ?? null,
        variables,
        scopeOf(scopes, context.viewer),
      ]);
      const found = readCache.lookup(key) as ExecutionResult | undefined;
      if (found) {
        setResultAndStopExecution(found);
        return;
      }
      const since = readCache.now();
      return {
        onExecuteDone({ result }) {
          if (Symbol.asyncIterator in result) return;
          if (result.errors && result.errors.length > 0) return;
          // a replica's answer may be older than the change notices the cache follows: never kept
          if (context.readsFrom === 'replica') return;
          readCache.keep(key, tags, since, result);
        },
      };
    },
  };
}
