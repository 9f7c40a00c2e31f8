import type { PrismaClient } from '@cadre/db';
import type { UnitTreeCache } from '../scope/unit-tree.ts';
import { buildViewer, type Viewer } from '../scope/viewer.ts';
import { csrfHeaderName, readCookie, sessionCookieName } from './cookies.ts';
import { hashToken, tokensEqual } from './session-token.ts';

export type Authentication = {
  viewer: Viewer | null;
  method: 'bearer' | 'cookie' | null;
  /** why a presented credential was not accepted (shown in the UNAUTHENTICATED message) */
  failure: string | null;
};

const lastSeenResolutionMs = 5 * 60_000;

/**
 * Sessions read in the last few seconds, by token hash. Reading a session is five SQL statements
 * (Prisma splits the includes), more than the page most requests ask for. Every change that can end
 * or narrow a session in this process (log-out, password change or reset, account update or
 * deactivation) calls forgetCachedSessions(), so it takes effect at once here; another API process
 * sees it within `sessionCacheMs` (a shared Redis cache would close that gap when replicas run).
 */
const sessionCacheMs = 10_000;
const sessionCacheLimit = 10_000;
type CachedSession = NonNullable<Awaited<ReturnType<typeof readSession>>>;
const sessionCache = new Map<string, { session: CachedSession; until: number }>();
/** moves with every forget, so a read that started before a change is not cached after it */
let generation = 0;

export function forgetCachedSessions(): void {
  generation += 1;
  sessionCache.clear();
}

function readSession(prisma: PrismaClient, tokenHash: string) {
  return prisma.session.findUnique({
    where: { tokenHash },
    include: {
      user: {
        include: {
          person: { select: { unitId: true } },
          councilSeats: {
            where: { active: true },
            select: { council: { select: { id: true, scopeUnitId: true } } },
          },
        },
      },
    },
  });
}

async function findSession(prisma: PrismaClient, tokenHash: string): Promise<CachedSession | null> {
  const cached = sessionCache.get(tokenHash);
  if (cached && cached.until > Date.now()) return cached.session;
  const readAt = generation;
  const session = await readSession(prisma, tokenHash);
  if (session && readAt === generation) {
    if (sessionCache.size >= sessionCacheLimit) sessionCache.clear();
    sessionCache.set(tokenHash, { session, until: Date.now() + sessionCacheMs });
  }
  return session;
}

/** The bearer token, else the session cookie (which must come with the CSRF header when `requireCsrf`). */
export async function authenticateRequest(options: {
  prisma: PrismaClient;
  unitTrees: UnitTreeCache;
  request: Request;
  requireCsrf: boolean;
  /**
   * An account that must change its password is refused everywhere (files, exports) except where
   * this is set: GraphQL, which then allows only changePassword, logout and me.
   */
  allowPasswordChange?: boolean;
  now?: Date;
}): Promise<Authentication> {
  const { request, prisma } = options;
  const now = options.now ?? new Date();
  const authorization = request.headers.get('authorization');
  let token: string | undefined;
  let method: Authentication['method'] = null;
  if (authorization?.toLowerCase().startsWith('bearer ')) {
    token = authorization.slice(7).trim();
    method = 'bearer';
  } else {
    token = readCookie(request.headers.get('cookie'), sessionCookieName);
    if (token) method = 'cookie';
  }
  if (!token) return { viewer: null, method: null, failure: null };

  const session = await findSession(prisma, hashToken(token));
  const expired = !session || session.revokedAt !== null || session.expiresAt <= now || !session.user.active;
  if (!session || expired) {
    return { viewer: null, method, failure: 'Phiên đăng nhập đã hết hạn / Session expired or revoked' };
  }
  if (method === 'cookie' && options.requireCsrf) {
    const sent = request.headers.get(csrfHeaderName) ?? '';
    if (!tokensEqual(sent, session.csrfToken)) {
      return {
        viewer: null,
        method,
        failure: `Thiếu hoặc sai mã ${csrfHeaderName} / Missing or wrong ${csrfHeaderName} header`,
      };
    }
  }
  if (session.user.mustChangePassword && !options.allowPasswordChange) {
    return {
      viewer: null,
      method,
      failure: 'Cần đổi mật khẩu trước / change your password first',
    };
  }
  if (now.getTime() - session.lastSeenAt.getTime() > lastSeenResolutionMs) {
    await prisma.session.update({ where: { id: session.id }, data: { lastSeenAt: now } });
    session.lastSeenAt = now;
  }
  const tree = await options.unitTrees.get();
  const viewer = buildViewer(
    {
      userId: session.user.id,
      username: session.user.username,
      displayName: session.user.displayName,
      role: session.user.role,
      personId: session.user.personId,
      personUnitId: session.user.person?.unitId ?? null,
      scopeUnitId: session.user.scopeUnitId,
      sessionId: session.id,
      csrfToken: session.csrfToken,
      mustChangePassword: session.user.mustChangePassword,
      councils: session.user.councilSeats.map((seat) => seat.council),
    },
    tree,
  );
  return { viewer, method, failure: null };
}
