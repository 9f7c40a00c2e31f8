import type { Role } from '@cadre/db';
import type PrismaTypes from '@cadre/db/pothos-types';
import { getDatamodel } from '@cadre/db/pothos-types';
import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import ErrorsPlugin from '@pothos/plugin-errors';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import ZodPlugin from '@pothos/plugin-zod';
import type { Context, LoggedInContext } from './context.ts';
import { AppError, ForbiddenError, unauthenticated, ValidationError } from './errors.ts';
import { unitInScope } from './scope/viewer.ts';
import { zodIssuesToFields } from './validation.ts';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  AuthScopes: {
    loggedIn: boolean;
    role: Role | Role[];
    /** the unit (by id) lies inside the viewer's administrative scope */
    unitScope: string;
  };
  AuthContexts: { loggedIn: LoggedInContext; role: LoggedInContext; unitScope: LoggedInContext };
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    Date: { Input: Date; Output: Date };
    JSON: { Input: JsonValue; Output: unknown };
  };
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
}>({
  defaultFieldNullability: false,
  plugins: [
    ScopeAuthPlugin,
    ErrorsPlugin,
    ZodPlugin,
    PrismaPlugin,
    RelayPlugin,
    DataloaderPlugin,
    ComplexityPlugin,
  ],
  scopeAuth: {
    authScopes: async (context) => ({
      loggedIn: context.viewer !== null,
      role: (roles) => {
        const role = context.viewer?.role;
        return role !== undefined && (Array.isArray(roles) ? roles.includes(role) : roles === role);
      },
      unitScope: (unitId) => context.viewer !== null && unitInScope(context.viewer, unitId),
    }),
    unauthorizedError: (_parent, context) =>
      context.viewer ? new ForbiddenError() : unauthenticated(context.authFailure ?? undefined),
  },
  errors: {
    unsafelyHandleInputErrors: true,
    defaultUnionOptions: { name: ({ fieldName }) => `${capitalize(fieldName)}Result` },
    defaultResultOptions: { name: ({ fieldName }) => `${capitalize(fieldName)}Success` },
  },
  zod: {
    // anonymous callers learn nothing from validation: they are told to log in first
    validationError: (error, _args, context, info) =>
      context.viewer || info.fieldName === 'login'
        ? new ValidationError(zodIssuesToFields(error))
        : unauthenticated(context.authFailure ?? undefined),
  },
  prisma: {
    client: (context) => context.prisma,
    dmmf: getDatamodel(),
    exposeDescriptions: false,
    filterConnectionTotalCount: true,
    onUnusedQuery: process.env.NODE_ENV === 'test' ? 'error' : null,
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    edgesFieldOptions: { nullable: false },
    nodeFieldOptions: { nullable: false },
    // each id is a lookup: counted in the complexity limit (and capped, security/document-limits.ts)
    nodesQueryOptions: {
      complexity: (args) => ({ field: 1, multiplier: Math.max(1, args.ids.length) }),
    },
  },
  complexity: {
    defaultComplexity: 1,
    defaultListMultiplier: 10,
    limit: { complexity: 20_000, depth: 12, breadth: 300 },
    complexityError: (kind, result) =>
      new AppError(
        'VALIDATION',
        `Truy vấn quá phức tạp / Query too complex (${kind}: depth ${result.depth}, breadth ${result.breadth}, complexity ${result.complexity})`,
      ),
  },
});

function capitalize(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}
