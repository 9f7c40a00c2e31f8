import { generateCookie } from 'hono/cookie';
import { parse } from 'hono/utils/cookie';

export const sessionCookieName = 'cadre_session';
export const csrfHeaderName = 'x-csrf-token';

/** Browsers keep a cookie at most 400 days whatever Max-Age says (and Hono refuses more). */
const maxCookieAgeSeconds = 400 * 24 * 3600;

export function readCookie(header: string | null, name: string): string | undefined {
  return header ? parse(header, name)[name] : undefined;
}

/** HttpOnly, SameSite=Lax session cookie; Secure whenever the request came over HTTPS. */
export function serializeSessionCookie(options: {
  token: string;
  maxAgeSeconds: number;
  secure: boolean;
}): string {
  return generateCookie(sessionCookieName, options.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    maxAge: Math.min(options.maxAgeSeconds, maxCookieAgeSeconds),
    secure: options.secure,
  });
}

export function serializeClearedSessionCookie(secure: boolean): string {
  return serializeSessionCookie({ token: '', maxAgeSeconds: 0, secure });
}

/**
 * Whether the request came over HTTPS. X-Forwarded-Proto is read as the HTTP edge hands the
 * request on: the edge (server.ts) removes it unless a trusted proxy (TRUST_PROXY) wrote it, and
 * sets it when the connection itself is TLS.
 */
export function isSecureRequest(request: Request): boolean {
  return (
    request.url.startsWith('https:') ||
    request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https'
  );
}

/**
 * The request with X-Forwarded-Proto saying exactly what the edge established (https, or nothing):
 * a client cannot earn a Secure cookie, nor a proxy's word be lost, on the way to GraphQL.
 */
export function withVettedProto(
  request: Request,
  https: boolean,
  extraHeaders: Record<string, string> = {},
): Request {
  const claimed = request.headers.get('x-forwarded-proto') !== null;
  if (https === isSecureRequest(request) && (https || !claimed)) return request;
  const headers = new Headers(request.headers);
  if (https) headers.set('x-forwarded-proto', 'https');
  else headers.delete('x-forwarded-proto');
  for (const [name, value] of Object.entries(extraHeaders)) headers.set(name, value);
  const body = request.method === 'GET' || request.method === 'HEAD' ? null : request.body;
  return new Request(request.url, {
    method: request.method,
    headers,
    body,
    signal: request.signal,
    ...(body ? { duplex: 'half' } : {}),
  } as RequestInit);
}
