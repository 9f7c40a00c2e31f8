import type { IncomingMessage, ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { withVettedProto } from './auth/cookies.ts';
import type { AppServices } from './context.ts';
import { AppError } from './errors.ts';
import { appealRoutes } from './http/appeal-routes.ts';
import { isHttpsRequest, type ProxyTrust, trustNoProxy } from './http/client-address.ts';
import { documentRoutes } from './http/document-routes.ts';
import { exportJobRoutes } from './http/export-job-routes.ts';
import { fileRoutes, type UploadLimits } from './http/file-routes.ts';
import { type ApiEnv, appErrorResponse, jsonResponse } from './http/respond.ts';
import { sessionEndpoint } from './http/session-endpoint.ts';
import { webApp } from './http/static.ts';
import { errorFields, type Logger, logger, requestIdOf } from './logger.ts';
import { createRateLimiter, rateLimit } from './security/rate-limit.ts';
import { securityHeaders } from './security/security-headers.ts';
import { createYoga, type Yoga } from './yoga.ts';

export type RequestHandler = (request: IncomingMessage, response: ServerResponse) => void;

export type DemoInfo = { password: string; accounts: string[] };

/** A Node request listener for a Hono app (the globals Request and Response are left as they are). */
function nodeListener(app: Hono<ApiEnv>): RequestHandler {
  const listener = getRequestListener(app.fetch, { overrideGlobalObjects: false, hostname: 'localhost' });
  return (request, response) => void listener(request, response);
}

/**
 * Every request gets an id (the load balancer's `x-request-id` when sensible, else a new one),
 * carried in each log line about it and sent back in `x-request-id`; one line per request.
 */
function requestLog(base: Logger): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const requestId = requestIdOf(c.req.raw);
    const log = base.child({ requestId });
    c.set('requestId', requestId);
    c.set('log', log);
    const started = performance.now();
    await next();
    c.header('x-request-id', requestId);
    // the web app's files and health checks are many and say little: debug; the API's requests info
    const quiet =
      c.req.path === '/healthz' || !(c.req.path.startsWith('/graphql') || c.req.path.startsWith('/api/'));
    log[quiet ? 'debug' : 'info'](
      {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      },
      'request',
    );
  };
}

/** The largest GraphQL request body: far above any query with its variables (a bulk proposal of 100 is ≈ 10 KB). */
export const maxGraphqlBodyBytes = 512 * 1024;

const tooLarge = () =>
  jsonResponse(
    413,
    {
      error: `Yêu cầu quá lớn: tối đa ${maxGraphqlBodyBytes / 1024} KB / request too large: at most ${maxGraphqlBodyBytes / 1024} KB`,
      code: 'PAYLOAD_TOO_LARGE',
    },
    { connection: 'close' },
  );
const countedBodyLimit = bodyLimit({ maxSize: maxGraphqlBodyBytes, onError: tooLarge });

/**
 * The declared length read off Node's own headers (the request object is not built for it, which
 * hono/body-limit would do on every request); a body without a declared length is counted as it
 * streams.
 */
const graphqlBodyLimit: MiddlewareHandler<ApiEnv> = (c, next) => {
  const declared = c.env.incoming.headers['content-length'];
  if (declared !== undefined && c.env.incoming.headers['transfer-encoding'] === undefined) {
    return Number(declared) > maxGraphqlBodyBytes ? Promise.resolve(tooLarge()) : next();
  }
  return countedBodyLimit(c, next);
};

/**
 * The whole HTTP surface on one port: `/graphql` (Yoga), `/healthz`, `/api/session`, `/api/config`,
 * the document, file and appeal-attachment routes, and the built web app at `/` (SPA fallback). `uploads` bounds the
 * import upload (tests lower it).
 */
export function createServer(options: {
  services: AppServices;
  demo: DemoInfo | null;
  yoga?: Yoga;
  uploads?: UploadLimits;
  /** where the request lines go (tests pass one of their own) */
  logger?: Logger;
}): {
  app: Hono<ApiEnv>;
  handler: RequestHandler;
  yoga: Yoga;
  /** lets go of what the server holds (the rate limit's Redis connection) */
  close(): Promise<void>;
} {
  const { services, demo } = options;
  const { config } = services;
  const yoga = options.yoga ?? createYoga(services);
  const rateLimiter = createRateLimiter({ trust: config.trustProxy, redisUrl: config.redisUrl });
  const app = new Hono<ApiEnv>();

  app.use(requestLog(options.logger ?? logger));
  app.use(securityHeaders({ production: config.production, trust: config.trustProxy }));
  app.onError((error, c) => {
    if (error instanceof AppError) return appErrorResponse(error);
    c.get('log').error({ ...errorFields(error), path: c.req.path }, 'request failed');
    return jsonResponse(500, { error: 'Internal error' });
  });

  app.all(
    '/graphql/*',
    rateLimit(rateLimiter),
    // a GraphQL request is a query and its variables: anything larger is refused before it is read
    graphqlBodyLimit,
    (c) => {
      // the Secure flag of the cookies a login sets follows the same TRUST_PROXY rule as HSTS
      const request = withVettedProto(c.req.raw, isHttpsRequest(c.env.incoming, config.trustProxy), {
        'x-request-id': c.var.requestId,
      });
      return yoga.handleRequest(request, { req: c.env.incoming, res: c.env.outgoing });
    },
  );

  app.all('/healthz', async () => {
    const reads = services.reads;
    if (!reads) return jsonResponse(200, { status: 'ok' });
    // the replica's lag is reported, not judged: a lagging or unreachable replica does not take
    // this API out of the load balancer (the operator's monitoring decides what is too late)
    const replica = await reads.lag().catch((error: unknown) => ({
      error: error instanceof Error ? error.message.split('\n')[0] : String(error),
    }));
    return jsonResponse(200, { status: 'ok', replica });
  });

  app.all('/api/session', sessionEndpoint(services));
  app.all('/api/config', () =>
    jsonResponse(200, {
      demo: demo !== null,
      demoAccounts: demo?.accounts ?? [],
      demoPassword: demo?.password ?? null,
      graphqlEndpoint: '/graphql',
    }),
  );
  app.route('/', documentRoutes(services));
  app.route('/', fileRoutes(services, options.uploads));
  app.route('/', exportJobRoutes(services));
  app.route('/', appealRoutes(services, { idleMs: options.uploads?.idleMs }));
  // (the wildcard covers /api itself, which is a route of the web app)
  app.all('/api/*', (c, next) =>
    c.req.path === '/api' ? next() : jsonResponse(404, { error: 'Not found' }),
  );
  app.route('/', webApp({ root: config.webDist }));

  return { app, handler: nodeListener(app), yoga, close: () => rateLimiter.close() };
}

/**
 * What the port answers while the database is being opened, migrated and seeded: 503 with
 * Retry-After, and the production security headers (HSTS by the TRUST_PROXY rule).
 */
export function createStartingHandler(trust: ProxyTrust = trustNoProxy): RequestHandler {
  const app = new Hono<ApiEnv>();
  app.use(securityHeaders({ production: true, trust }));
  app.all('*', (c) =>
    c.req.path === '/healthz'
      ? jsonResponse(503, { status: 'starting' }, { 'retry-after': '2' })
      : jsonResponse(
          503,
          { error: 'Đang khởi động, thử lại sau giây lát / Starting up, try again shortly' },
          { 'retry-after': '2' },
        ),
  );
  return nodeListener(app);
}

export const startingHandler: RequestHandler = createStartingHandler();
