// The API over the demo province (seedDemo), for the security tests: realistic scope (79 units,
// 600 people, five demo roles) on a database of its own, driven through yoga.fetch.
import type { Engine, PrismaClient } from '@cadre/db';
import { seedDemo } from '@cadre/db';
import { createTestDatabase, type TestDatabase } from '@cadre/db/testing';
import { createMemoryLoginThrottle } from '../auth/login-throttle.ts';
import { type ApiConfig, testConfig } from '../config.ts';
import type { AppServices } from '../context.ts';
import { createReadCache } from '../read-cache.ts';
import { createUnitTreeCache } from '../scope/unit-tree.ts';
import { createYoga, type Yoga } from '../yoga.ts';

export const demoPassword = 'demo-password-for-tests';
export const demoRoles = ['admin', 'officer', 'head', 'council', 'staff'] as const;
export type DemoAccount = (typeof demoRoles)[number];

export type GraphQLErrorShape = {
  message: string;
  path?: (string | number)[];
  extensions?: Record<string, unknown>;
};
export type GraphQLResult<T = Record<string, unknown>> = {
  status: number;
  data?: T | null;
  errors?: GraphQLErrorShape[];
  text: string;
};

export type DemoApp = {
  db: TestDatabase;
  yoga: Yoga;
  services: AppServices;
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: { token?: string; headers?: Record<string, string> },
  ): Promise<GraphQLResult<T>>;
  /** a session token for a demo account (cached; pass fresh: true for one of its own) */
  login(account: string, options?: { fresh?: boolean }): Promise<string>;
  close(): Promise<void>;
};

export async function createDemoApp(
  engine: Engine = 'pglite',
  options: { config?: Partial<ApiConfig>; prisma?: (prisma: PrismaClient) => PrismaClient } = {},
): Promise<DemoApp> {
  const db = await createTestDatabase({ engine });
  await seedDemo(db, { password: demoPassword });
  const services: AppServices = {
    db,
    prisma: options.prisma ? options.prisma(db.prisma) : db.prisma,
    config: testConfig(options.config),
    throttle: createMemoryLoginThrottle(),
    unitTrees: createUnitTreeCache({ prisma: db.prisma }),
    readCache: createReadCache({ db }),
  };
  const yoga = createYoga(services);
  const tokens = new Map<string, string>();

  const graphql: DemoApp['graphql'] = async (query, variables, requestOptions) => {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      ...requestOptions?.headers,
    };
    if (requestOptions?.token) headers.authorization = `Bearer ${requestOptions.token}`;
    const response = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    });
    const text = await response.text();
    let parsed: { data?: unknown; errors?: GraphQLErrorShape[] } = {};
    try {
      parsed = JSON.parse(text) as typeof parsed;
    } catch {
      // not JSON: the caller asserts on status and text
    }
    return { status: response.status, data: parsed.data as never, errors: parsed.errors, text };
  };

  async function login(account: string, loginOptions: { fresh?: boolean } = {}): Promise<string> {
    const cached = loginOptions.fresh ? undefined : tokens.get(account);
    if (cached) return cached;
    const result = await graphql<{ login: { token: string } }>(
      'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
      { u: account, p: demoPassword },
    );
    const token = result.data?.login.token;
    if (!token) throw new Error(`login ${account} failed: ${result.text}`);
    if (!loginOptions.fresh) tokens.set(account, token);
    return token;
  }

  return {
    db,
    yoga,
    services,
    graphql,
    login,
    async close() {
      await services.throttle.close();
      await services.readCache.close();
      await db.close();
    },
  };
}

/** Every text a response carries that could leak internals: messages and extensions. */
export function leakedInternals(result: GraphQLResult): string[] {
  const problems: string[] = [];
  if (result.status >= 500) problems.push(`HTTP ${result.status}`);
  for (const error of result.errors ?? []) {
    const text = `${error.message} ${JSON.stringify(error.extensions ?? {})}`;
    if (
      /prisma|invalid `|\bat .+\.(ts|js):\d+|stack|ECONN|PGlite|syntax error at|violates|duplicate key|relation "|column "/i.test(
        text,
      )
    ) {
      problems.push(text.slice(0, 300));
    }
  }
  return problems;
}
