import type { SessionUser } from './session.ts';

// Login goes through a plain fetch so that the login route does not need the GraphQL client
// (urql and its cache load with the signed-in part of the app).
const loginDocument = `mutation Login($username: String!, $password: String!) {
  login(username: $username, password: $password) {
    csrfToken
    expiresAt
    user { id username role displayName }
  }
}`;

export type LoginOutcome =
  | { ok: true; csrfToken: string; user: SessionUser }
  | { ok: false; reason: 'credentials' | 'rateLimited' | 'network' };

type LoginResponse = {
  data?: { login: { csrfToken: string; user: SessionUser } } | null;
  errors?: { message: string; extensions?: { code?: string } }[];
};

export async function requestLogin(username: string, password: string): Promise<LoginOutcome> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      credentials: 'include',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
      },
      body: JSON.stringify({
        query: loginDocument,
        operationName: 'Login',
        variables: { username, password },
      }),
    });
  } catch {
    return { ok: false, reason: 'network' };
  }
  let body: LoginResponse;
  try {
    body = (await response.json()) as LoginResponse;
  } catch {
    return { ok: false, reason: 'network' };
  }
  const login = body.data?.login;
  if (login) return { ok: true, csrfToken: login.csrfToken, user: login.user };
  const code = body.errors?.[0]?.extensions?.code;
  if (code === 'RATE_LIMITED') return { ok: false, reason: 'rateLimited' };
  if (code === 'UNAUTHENTICATED' || code === 'BAD_USER_INPUT') return { ok: false, reason: 'credentials' };
  return { ok: false, reason: response.status >= 500 ? 'network' : 'credentials' };
}
