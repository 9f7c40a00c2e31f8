import { encodeGlobalID } from '@pothos/plugin-relay';
import type { Handler } from 'hono';
import { authenticateRequest } from '../auth/authenticate-request.ts';
import type { AppServices } from '../context.ts';
import { type ApiEnv, jsonResponse } from './respond.ts';

/**
 * `GET /api/session`: who the cookie (or bearer token) belongs to, and the CSRF token the web app
 * must send with every GraphQL request. Reading it needs no CSRF header: a cross-site page cannot
 * read the response.
 */
export function sessionEndpoint(services: AppServices): Handler<ApiEnv> {
  return async (c) => {
    if (c.req.method !== 'GET') return jsonResponse(405, { error: 'Method not allowed' });
    const auth = await authenticateRequest({
      prisma: services.prisma,
      unitTrees: services.unitTrees,
      request: c.req.raw,
      requireCsrf: false,
    });
    if (!auth.viewer) {
      return jsonResponse(401, {
        authenticated: false,
        error: auth.failure ?? 'Chưa đăng nhập / Not logged in',
      });
    }
    const viewer = auth.viewer;
    return jsonResponse(200, {
      authenticated: true,
      csrfToken: viewer.csrfToken,
      user: {
        id: encodeGlobalID('User', viewer.userId),
        username: viewer.username,
        displayName: viewer.displayName,
        role: viewer.role,
        personId: viewer.personId ? encodeGlobalID('Person', viewer.personId) : null,
        scopeUnitId: viewer.scopeUnitId ? encodeGlobalID('Unit', viewer.scopeUnitId) : null,
      },
    });
  };
}
