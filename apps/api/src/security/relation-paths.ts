// Queries generated from the schema for the relation-scope test: from every root query field, every
// path of at most three relations that reaches a scoped type (scope/scoped-relations.ts), selected
// in one document per root field (split by first relation when the document is too complex).
import {
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
  isLeafType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import { scopedTypes } from '../scope/scoped-relations.ts';

export type RootProbe = { root: string; query: string; variables: Record<string, unknown> };

/** The value of a required argument of a root field; undefined = the probe skips that field. */
export type ProbeArgs = (field: string, arg: string) => unknown;

function connectionNode(type: GraphQLObjectType): GraphQLNamedType | null {
  const edges = type.getFields().edges;
  if (!edges) return null;
  const edge = getNamedType(edges.type);
  if (!isObjectType(edge)) return null;
  const node = edge.getFields().node;
  return node ? getNamedType(node.type) : null;
}

const optional = (field: GraphQLField<unknown, unknown>) =>
  field.args.every((arg) => !isNonNullType(arg.type) || arg.defaultValue !== undefined);

/** The selection below `type` that reaches a scoped type within `hops` relations ('' when none). */
export function selectionReaching(type: GraphQLNamedType, hops: number): string {
  if (!isObjectType(type)) return '';
  const node = connectionNode(type);
  if (node) {
    const inner = selectionReaching(node, hops);
    return inner ? `{ edges { node ${inner} } }` : '';
  }
  const parts: string[] = [];
  const scoped = type.name in scopedTypes;
  if (scoped) parts.push('__typename', ...('id' in type.getFields() ? ['id'] : []));
  if (hops > 0) {
    for (const field of Object.values(type.getFields())) {
      if (!optional(field)) continue;
      const named = getNamedType(field.type);
      if (isLeafType(named)) continue;
      const inner = selectionReaching(named, hops - 1);
      if (inner) parts.push(`${field.name} ${inner}`);
    }
  }
  if (parts.length === 0) return '';
  if (!scoped) parts.unshift('__typename');
  return `{ ${parts.join(' ')} }`;
}

/** One probe per root query field that reaches a scoped type (or several, one per first relation). */
export function rootProbes(schema: GraphQLSchema, args: ProbeArgs, hops = 3): RootProbe[] {
  const probes: RootProbe[] = [];
  const query = schema.getQueryType();
  if (!query) return probes;
  for (const field of Object.values(query.getFields())) {
    if (field.name === 'node' || field.name === 'nodes') continue; // the lookup the test checks against
    const required = field.args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);
    if (required.some((arg) => args(field.name, arg.name) === undefined)) continue;
    const named = getNamedType(field.type);
    const selection = selectionReaching(named, hops);
    if (!selection) continue;
    const declarations = required.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
    const call = required.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
    const variables = Object.fromEntries(required.map((arg) => [arg.name, args(field.name, arg.name)]));
    probes.push({
      root: field.name,
      query: `query${declarations ? ` (${declarations})` : ''} { ${field.name}${call ? `(${call})` : ''} ${selection} }`,
      variables,
    });
  }
  return probes;
}

export type Reached = { typename: string; id: string; path: string };

/** Every object of a scoped type in a response, with where it was found. */
export function collectScoped(value: unknown, path = ''): Reached[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => collectScoped(item, `${path}[${index}]`));
  if (!value || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  const found: Reached[] = [];
  const typename = record.__typename;
  if (typeof typename === 'string' && typename in scopedTypes && typeof record.id === 'string') {
    found.push({ typename, id: record.id, path });
  }
  for (const [key, inner] of Object.entries(record)) {
    if (key !== '__typename' && key !== 'id')
      found.push(...collectScoped(inner, path ? `${path}.${key}` : key));
  }
  return found;
}
