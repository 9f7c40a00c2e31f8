import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  GraphQLError,
  getOperationAST,
  Kind,
  NoSchemaIntrospectionCustomRule,
  type SelectionSetNode,
} from 'graphql';
import {
  createGraphQLError,
  createYoga as createGraphQLYoga,
  maskError,
  type Plugin,
  type YogaServerInstance,
} from 'graphql-yoga';
import { authenticateRequest } from './auth/authenticate-request.ts';
import type { AppServices, Context } from './context.ts';
import { AppError, appErrorMapping } from './errors.ts';
import { clientAddress, type ProxyTrust } from './http/client-address.ts';
import { errorFields, logger } from './logger.ts';
import type { ReadCache } from './read-cache.ts';
import { cachedResponses } from './response-cache.ts';
import { schema } from './schema/index.ts';
import { createAuditCheckpointer } from './security/audit-checkpoint.ts';
import { documentLimits } from './security/document-limits.ts';

export type ServerContext = { req?: IncomingMessage; res?: ServerResponse };
export type Yoga = YogaServerInstance<ServerContext, Context>;

/** Tier 1 errors keep their code; everything that is not a GraphQLError or an AppError is masked. */
function maskAppErrors(error: unknown, message: string, isDev?: boolean): Error {
  let original = error instanceof GraphQLError ? error.originalError : error;
  // a scalar's ValidationError in a variable arrives wrapped twice by graphql-js: unwrap to find it
  while (original instanceof GraphQLError && original.originalError) original = original.originalError;
  if (original instanceof AppError) {
    return createGraphQLError(original.message, {
      nodes: error instanceof GraphQLError ? error.nodes : undefined,
      path: error instanceof GraphQLError ? error.path : undefined,
      extensions: {
        ...original.details,
        code: appErrorMapping[original.code].graphql,
        ...(original.messageKey
          ? { messageKey: original.messageKey, messageParams: original.messageParams }
          : {}),
      },
    });
  }
  // an expected error never gets here; what does is a bug or an outage: its stack is what the
  // operator needs (the client sees a masked message)
  if (original instanceof Error && !(original instanceof GraphQLError)) {
    logger.error(errorFields(original), 'unexpected error in a GraphQL request');
  }
  return maskError(error, message, isDev);
}

/**
 * Yoga's own log lines through pino. Yoga logs every error that maskError replaced, stack and all:
 * for an AppError that is an expected answer (wrong password, conflict…), and an unexpected error
 * was logged with its stack by maskAppErrors already, so errors are not logged twice here.
 */
const yogaLogger = {
  debug: (...args: unknown[]) => logger.debug({ yoga: args.map(String) }, 'graphql-yoga'),
  info: (...args: unknown[]) => logger.info({ yoga: args.map(String) }, 'graphql-yoga'),
  warn: (...args: unknown[]) => logger.warn({ yoga: args.map(String) }, 'graphql-yoga'),
  error: (...args: unknown[]) => {
    if (args.some((arg) => arg instanceof Error)) return;
    logger.error({ yoga: args.map(String) }, 'graphql-yoga');
  },
};

/** Production answers no introspection: the schema is not a map handed to every caller. */
const noIntrospection: Plugin = {
  onValidate({ addValidationRule }) {
    addValidationRule(NoSchemaIntrospectionCustomRule);
  },
};

/** What an account that must change its password may still do (the API enforces it, not the UI). */
const allowedBeforePasswordChange = new Set(['changePassword', 'logout', 'me', '__typename']);

/** Only the account's own plain fields: `me { scopeUnit { heads { … } } }` would reach other people. */
function plainFieldsOnly(selectionSet: SelectionSetNode | undefined): boolean {
  return (selectionSet?.selections ?? []).every((selection) =>
    selection.kind === Kind.FIELD
      ? !selection.selectionSet
      : selection.kind === Kind.INLINE_FRAGMENT && plainFieldsOnly(selection.selectionSet),
  );
}

const passwordChangeFirst: Plugin<Context> = {
  onExecute({ args, setResultAndStopExecution }) {
    if (!args.contextValue.viewer?.mustChangePassword) return;
    const operation = getOperationAST(args.document, args.operationName);
    const fields = operation?.selectionSet.selections ?? [];
    const blocked = fields.some(
      (selection) =>
        selection.kind !== Kind.FIELD ||
        !allowedBeforePasswordChange.has(selection.name.value) ||
        (selection.name.value === 'me' && !plainFieldsOnly(selection.selectionSet)),
    );
    if (!blocked) return;
    setResultAndStopExecution({
      errors: [
        createGraphQLError(
          'Cần đổi mật khẩu trước / change your password first: only changePassword, logout and me are allowed',
          { extensions: { code: 'PASSWORD_CHANGE_REQUIRED' } },
        ),
      ],
    });
  },
};

/** The client's address (behind the proxies TRUST_PROXY names, the one they forwarded); 'local' without a socket. */
export function clientIpOf(serverContext: ServerContext, trust: ProxyTrust): string {
  return serverContext.req ? clientAddress(serverContext.req, trust) : 'local';
}

const accountMutations = new Set(['login', 'logout', 'changePassword']);

/** Top-level query fields read from the replica: rankings, result and flag counts, the dashboard. */
export const replicaReadFields = new Set([
  'results',
  'ranking',
  'blockRankings',
  'unitResults',
  'flags',
  'people',
]);

const jsonTypes = ['application/json', 'application/graphql-response+json'];

/**
 * Every POST is JSON. A form (urlencoded, multipart) or text/plain needs no CORS preflight, so a
 * foreign page could send one with the victim's cookie — a login as someone else, for one — and
 * JSON cannot be sent cross-site without one (which no origin passes: CORS is off).
 */
const jsonPostsOnly: Plugin = {
  onRequest({ request, endResponse, fetchAPI }) {
    if (request.method !== 'POST') return;
    const type = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (jsonTypes.includes(type)) return;
    endResponse(
      new fetchAPI.Response(
        JSON.stringify({
          errors: [
            {
              message: 'Chỉ nhận JSON / only application/json is accepted (forms and text/plain are refused)',
              extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' },
            },
          ],
        }),
        { status: 415, headers: { 'content-type': 'application/json; charset=utf-8' } },
      ),
    );
  },
};

export function createYoga(services: AppServices): Yoga {
  const pendingCookies = new WeakMap<Request, string[]>();
  // the signed head of the audit chain, outside the database (security/audit-checkpoint.ts)
  const { auditCheckpointFile, secretKey } = services.config;
  const checkpoints =
    auditCheckpointFile && secretKey.length > 0
      ? createAuditCheckpointer({
          prisma: services.prisma,
          file: auditCheckpointFile,
          secret: secretKey,
          onError: (error) => logger.error(errorFields(error), 'audit checkpoint not written'),
        })
      : null;
  const checkpointAfterMutations: Plugin = {
    onExecute({ args }) {
      if (!checkpoints) return;
      if (getOperationAST(args.document, args.operationName)?.operation !== 'mutation') return;
      return { onExecuteDone: () => checkpoints.schedule() };
    },
  };

  const responseCookies: Plugin = {
    onResponse({ request, response }) {
      for (const cookie of pendingCookies.get(request) ?? []) response.headers.append('set-cookie', cookie);
    },
  };

  // a mutation's own process forgets cached reads at once: its user reads their write next, even
  // before the database's change notification arrives (signing in and out writes no cached table)
  const forgetReadsAfterMutations: Plugin = {
    onExecute({ args }) {
      const operation = getOperationAST(args.document, args.operationName);
      if (operation?.operation !== 'mutation') return;
      const writesCachedTables = operation.selectionSet.selections.some(
        (selection) => selection.kind !== 'Field' || !accountMutations.has(selection.name.value),
      );
      if (!writesCachedTables) return;
      return { onExecuteDone: () => services.readCache.changed('*') };
    },
  };

  // heavy reads to the replica (DATABASE_REPLICA_URL): a query made only of the fields below, by a
  // session that has not written in the last few seconds; its reads are then not kept in the read
  // cache (the replica may be behind the change notices the cache follows)
  const reads = services.reads;
  const uncached: ReadCache = {
    ...services.readCache,
    read: ({ load }) => load(),
    lookup: () => undefined,
    keep: () => undefined,
  };
  const readReplica: Plugin<Context> = {
    async onExecute({ args, extendContext }) {
      if (!reads) return;
      const context = args.contextValue;
      const operation = getOperationAST(args.document, args.operationName);
      const sessionId = context.viewer?.sessionId;
      if (operation?.operation === 'mutation') {
        await reads.wrote(sessionId);
        // marked again at the end: the hold counts from when the write is committed
        return { onExecuteDone: () => void reads.wrote(sessionId) };
      }
      if (operation?.operation !== 'query' || !context.viewer) return;
      const heavyOnly = operation.selectionSet.selections.every(
        (selection) =>
          selection.kind === Kind.FIELD &&
          (replicaReadFields.has(selection.name.value) || selection.name.value === '__typename'),
      );
      if (!heavyOnly) return;
      const target = await reads.clientFor(sessionId);
      if (target.from === 'replica') {
        extendContext({ prisma: target.prisma, readCache: uncached, readsFrom: 'replica' });
      }
    },
  };

  return createGraphQLYoga<ServerContext, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    // the web app is served from this same origin: no other origin is answered (no reflection)
    cors: false,
    multipart: false,
    graphiql: !services.config.production,
    landingPage: false,
    maskedErrors: { maskError: maskAppErrors },
    logging: yogaLogger,
    context: async (initial): Promise<Context> => {
      const request = initial.request;
      const cookies: string[] = [];
      pendingCookies.set(request, cookies);
      const auth = await authenticateRequest({
        prisma: services.prisma,
        unitTrees: services.unitTrees,
        request,
        requireCsrf: true,
        // GraphQL lets such an account change its password (passwordChangeFirst limits the rest)
        allowPasswordChange: true,
      });
      return {
        ...services,
        request,
        viewer: auth.viewer,
        authMethod: auth.method,
        authFailure: auth.failure,
        clientIp: clientIpOf(initial, services.config.trustProxy),
        setCookie: (cookie) => cookies.push(cookie),
      };
    },
    plugins: [
      jsonPostsOnly,
      checkpointAfterMutations,
      responseCookies,
      forgetReadsAfterMutations,
      readReplica,
      documentLimits(),
      passwordChangeFirst,
      ...(services.config.production ? [noIntrospection] : []),
      cachedResponses(services.readCache),
    ],
  });
}
