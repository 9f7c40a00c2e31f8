// Headers every response carries (Hono's secureHeaders). The CSP fits the built React app: scripts
// only from our origin (Vite emits files, no inline script), styles from our origin plus inline
// <style> because antd's CSS-in-JS injects them at run time; no framing, no plugins, no foreign form
// targets. HSTS only when the request came over HTTPS (http/client-address.ts: a forwarded proto
// counts only from a TRUST_PROXY peer).
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { isHttpsRequest, type ProxyTrust } from '../http/client-address.ts';
import type { ApiEnv } from '../http/respond.ts';

const directives = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** The policy as sent (for tests and documentation). */
export const contentSecurityPolicy = Object.entries(directives)
  .map(([name, values]) => `${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} ${values.join(' ')}`)
  .join('; ');

export const strictTransportSecurity = 'max-age=31536000; includeSubDomains';

function variant(options: { csp: boolean; hsts: boolean }): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: options.csp ? directives : undefined,
    strictTransportSecurity: options.hsts ? strictTransportSecurity : false,
    xFrameOptions: 'DENY',
    permissionsPolicy: { camera: [], microphone: [], geolocation: [], payment: [] },
    // what the API sent before Hono, no more
    originAgentCluster: false,
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xPermittedCrossDomainPolicies: false,
    xXssProtection: false,
  });
}

export function securityHeaders(options: {
  production: boolean;
  trust: ProxyTrust;
}): MiddlewareHandler<ApiEnv> {
  const variants = {
    plain: variant({ csp: true, hsts: false }),
    https: variant({ csp: true, hsts: true }),
    graphiql: variant({ csp: false, hsts: false }),
    graphiqlHttps: variant({ csp: false, hsts: true }),
  };
  return (c, next) => {
    const https = c.env?.incoming ? isHttpsRequest(c.env.incoming, options.trust) : false;
    // GraphiQL (development only) loads its page from a CDN; everything else gets the strict policy
    const graphiql = !options.production && c.req.path.startsWith('/graphql') && c.req.method === 'GET';
    const chosen = graphiql
      ? https
        ? variants.graphiqlHttps
        : variants.graphiql
      : https
        ? variants.https
        : variants.plain;
    return chosen(c, next);
  };
}
