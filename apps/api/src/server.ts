import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppServices } from './context.ts';
import { handleDocumentRoutes } from './http/document-routes.ts';
import { handleFileRoutes } from './http/file-routes.ts';
import { sendJson } from './http/respond.ts';
import { handleSession } from './http/session-endpoint.ts';
import { createStaticHandler } from './http/static.ts';
import { errorFields, logger } from './logger.ts';
import { createRateLimiter } from './security/rate-limit.ts';
import { applySecurityHeaders } from './security/security-headers.ts';
import { createYoga, type Yoga } from './yoga.ts';

export type RequestHandler = (request: IncomingMessage, response: ServerResponse) => void;

export type DemoInfo = { password: string; accounts: string[] };

/**
 * The whole HTTP surface on one port: `/graphql` (Yoga), `/healthz`, `/api/session`, `/api/config`
 * and the built web app at `/` (SPA fallback).
 */
export function createServer(options: { services: AppServices; demo: DemoInfo | null; yoga?: Yoga }): {
  handler: RequestHandler;
  yoga: Yoga;
  /** lets go of what the server holds (the rate limit's Redis connection) */
  close(): Promise<void>;
} {
  const yoga = options.yoga ?? createYoga(options.services);
  const serveStatic = createStaticHandler({ root: options.services.config.webDist });
  const rateLimiter = createRateLimiter({
    trust: options.services.config.trustProxy,
    redisUrl: options.services.config.redisUrl,
  });

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
    applySecurityHeaders(request, response, { production: options.services.config.production });
    if (pathname === '/graphql' || pathname.startsWith('/graphql/')) {
      if (!(await rateLimiter.admit(request, response))) return;
      await yoga.handle(request, response, { req: request, res: response });
      return;
    }
    if (pathname === '/healthz') {
      const reads = options.services.reads;
      if (!reads) {
        sendJson(response, 200, { status: 'ok' });
        return;
      }
      // the replica's lag is reported, not judged: a lagging or unreachable replica does not take
      // this API out of the load balancer (the operator's monitoring decides what is too late)
      const replica = await reads.lag().catch((error: unknown) => ({
        error: error instanceof Error ? error.message.split('\n')[0] : String(error),
      }));
      sendJson(response, 200, { status: 'ok', replica });
      return;
    }
    if (pathname === '/api/session') {
      await handleSession(options.services, request, response);
      return;
    }
    if (pathname === '/api/config') {
      sendJson(response, 200, {
        demo: options.demo !== null,
        demoAccounts: options.demo?.accounts ?? [],
        demoPassword: options.demo?.password ?? null,
        graphqlEndpoint: '/graphql',
      });
      return;
    }
    if (await handleDocumentRoutes(options.services, request, response)) return;
    if (await handleFileRoutes(options.services, request, response)) return;
    if (pathname.startsWith('/api/')) {
      sendJson(response, 404, { error: 'Not found' });
      return;
    }
    await serveStatic(request, response);
  }

  const handler: RequestHandler = (request, response) => {
    route(request, response).catch((error: unknown) => {
      logger.error({ ...errorFields(error), path: request.url?.split('?')[0] }, 'request failed');
      if (!response.headersSent) sendJson(response, 500, { error: 'Internal error' });
      else response.destroy();
    });
  };
  return { handler, yoga, close: () => rateLimiter.close() };
}

/** What the port answers while the database is being opened, migrated and seeded. */
export const startingHandler: RequestHandler = (request, response) => {
  const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
  applySecurityHeaders(request, response, { production: true });
  response.setHeader('retry-after', '2');
  if (pathname === '/healthz') {
    sendJson(response, 503, { status: 'starting' });
    return;
  }
  sendJson(response, 503, { error: 'Đang khởi động, thử lại sau giây lát / Starting up, try again shortly' });
};
