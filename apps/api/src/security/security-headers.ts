// Headers every response carries. The CSP fits the built React app: scripts only from our origin
// (Vite emits files, no inline script), styles from our origin plus inline <style> because antd's
// CSS-in-JS injects them at run time; no framing, no plugins, no foreign form targets.
import type { IncomingMessage, ServerResponse } from 'node:http';

export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** HTTPS directly, or behind a proxy that says so. */
export function isHttps(request: IncomingMessage): boolean {
  const forwarded = request.headers['x-forwarded-proto'];
  const proto = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim().toLowerCase();
  return proto === 'https' || Boolean((request.socket as { encrypted?: boolean }).encrypted);
}

export function applySecurityHeaders(
  request: IncomingMessage,
  response: ServerResponse,
  options: { production: boolean },
): void {
  const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
  // GraphiQL (development only) loads its page from a CDN; everything else gets the strict policy
  const graphiql = !options.production && pathname.startsWith('/graphql') && request.method === 'GET';
  if (!graphiql) response.setHeader('content-security-policy', contentSecurityPolicy);
  response.setHeader('x-content-type-options', 'nosniff');
  response.setHeader('referrer-policy', 'no-referrer');
  response.setHeader('x-frame-options', 'DENY');
  response.setHeader('cross-origin-opener-policy', 'same-origin');
  response.setHeader('cross-origin-resource-policy', 'same-origin');
  response.setHeader('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=()');
  if (isHttps(request))
    response.setHeader('strict-transport-security', 'max-age=31536000; includeSubDomains');
}
