import type { IncomingMessage, ServerResponse } from 'node:http';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { authenticateRequest } from '../auth/authenticate-request.ts';
import type { AppServices } from '../context.ts';
import { sendJson, toFetchRequest } from './respond.ts';

/**
 * `GET /api/session`: who the cookie (or bearer token) belongs to, and the CSRF token the web app
 * must send with every GraphQL request. Reading it needs no CSRF header: a cross-site page cannot
 * read the response.
 */
export async function handleSession(
  services: AppServices,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  if (request.method !== 'GET') {
    sendJson(response, 405, { error: 'Method not allowed' });
    return;
  }
  const auth = await authenticateRequest({
    prisma: services.prisma,
    unitTrees: services.unitTrees,
    request: toFetchRequest(request),
    requireCsrf: false,
  });
  if (!auth.viewer) {
    sendJson(response, 401, {
      authenticated: false,
      error: auth.failure ?? 'Chưa đăng nhập / Not logged in',
    });
    return;
  }
  const viewer = auth.viewer;
  sendJson(response, 200, {
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
}
