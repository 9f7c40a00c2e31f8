/** The CSRF token of the current cookie session, sent as `x-csrf-token` with every GraphQL request. */
let csrfToken: string | null = null;

export const csrfHeaderName = 'x-csrf-token';

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function getCsrfToken(): string | null {
  return csrfToken;
}
