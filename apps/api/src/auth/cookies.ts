export const sessionCookieName = 'cadre_session';
export const csrfHeaderName = 'x-csrf-token';

export function readCookie(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    if (part.slice(0, index).trim() === name) {
      try {
        return decodeURIComponent(part.slice(index + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** HttpOnly, SameSite=Lax session cookie; Secure whenever the request came over HTTPS. */
export function serializeSessionCookie(options: {
  token: string;
  maxAgeSeconds: number;
  secure: boolean;
}): string {
  const parts = [
    `${sessionCookieName}=${encodeURIComponent(options.token)}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${options.maxAgeSeconds}`,
  ];
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}

export function serializeClearedSessionCookie(secure: boolean): string {
  return serializeSessionCookie({ token: '', maxAgeSeconds: 0, secure });
}

export function isSecureRequest(request: Request): boolean {
  return (
    request.url.startsWith('https:') ||
    request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https'
  );
}
