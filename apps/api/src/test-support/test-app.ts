import type { Engine, PrismaClient } from '@cadre/db';
import { createTestDatabase, type TestDatabase } from '@cadre/db/testing';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { createMemoryLoginThrottle } from '../auth/login-throttle.ts';
import { testConfig } from '../config.ts';
import type { AppServices } from '../context.ts';
import { createReadCache } from '../read-cache.ts';
import { createUnitTreeCache } from '../scope/unit-tree.ts';
import { createYoga, type Yoga } from '../yoga.ts';
import { type Fixture, fixturePassword, seedFixture } from './fixture.ts';

export type GraphQLResponse<T = Record<string, unknown>> = {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
};

export type TestApp = {
  db: TestDatabase;
  yoga: Yoga;
  services: AppServices;
  fixture: Fixture;
  /** Prisma operations run through the resolvers' client since the last reset */
  queries: { count: number };
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: { token?: string; headers?: Record<string, string> },
  ): Promise<GraphQLResponse<T>>;
  login(username: keyof Fixture['users']): Promise<string>;
  close(): Promise<void>;
};

export const gid = encodeGlobalID;

/** A migrated database with the small fixture, and a Yoga instance over it (used through yoga.fetch). */
export async function createTestApp(engine: Engine): Promise<TestApp> {
  const db = await createTestDatabase({ engine });
  const fixture = await seedFixture(db);
  const queries = { count: 0 };
  const counting = db.prisma.$extends({
    query: {
      async $allOperations({ args, query }) {
        queries.count += 1;
        return query(args);
      },
    },
  }) as unknown as PrismaClient;
  const services: AppServices = {
    db,
    prisma: counting,
    config: testConfig(),
    throttle: createMemoryLoginThrottle(),
    unitTrees: createUnitTreeCache({ prisma: db.prisma }),
    readCache: createReadCache({ db }),
  };
  const yoga = createYoga(services);
  const tokens = new Map<string, string>();

  const graphql: TestApp['graphql'] = async (query, variables, options) => {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...options?.headers };
    if (options?.token) headers.authorization = `Bearer ${options.token}`;
    const response = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as never;
  };

  return {
    db,
    yoga,
    services,
    fixture,
    queries,
    graphql,
    async login(username) {
      const cached = tokens.get(username);
      if (cached) return cached;
      const result = await graphql<{ login: { token: string } }>(
        'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
        { u: username, p: fixturePassword },
      );
      const token = result.data?.login.token;
      if (!token) throw new Error(`login ${username} failed: ${JSON.stringify(result.errors)}`);
      tokens.set(username, token);
      return token;
    },
    async close() {
      await services.throttle.close();
      await services.readCache.close();
      await db.close();
    },
  };
}
