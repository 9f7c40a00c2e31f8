// Renders a page or form as the app does — Vietnamese dictionary, Ant Design's App, TanStack
// Query with a signed-in session, and a real urql client — over a fake `fetch` that answers each
// GraphQL operation by name, as the API would. The calls it received are kept for assertions.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { App as AntApp, ConfigProvider } from 'antd';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { Client, fetchExchange, Provider } from 'urql';
import { type Role, type Session, sessionQueryKey } from '../auth/session.ts';
import { I18nProvider } from '../i18n/i18n-context.tsx';

export type GraphqlCall = { operationName: string; variables: Record<string, unknown> };
/** The `data` the API answers an operation with: always the same, or made from its variables. */
export type Answer =
  | { data: unknown }
  | { reply: (variables: Record<string, unknown>, call: number) => unknown };

export function renderWithApp(
  ui: ReactNode,
  options: {
    role?: Role;
    answers: Record<string, Answer>;
    /** the address the page opens at */
    url?: string;
    /** without animations (a user who asked for reduced motion): dialogs take and give back focus at once */
    reducedMotion?: boolean;
  },
): { calls: GraphqlCall[] } & ReturnType<typeof render> {
  const calls: GraphqlCall[] = [];
  const fakeFetch = async (_input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const body = JSON.parse(String(init?.body)) as GraphqlCall;
    calls.push({ operationName: body.operationName, variables: body.variables ?? {} });
    const answer = options.answers[body.operationName];
    if (!answer) throw new Error(`the test gives no answer to ${body.operationName}`);
    const made = calls.filter((call) => call.operationName === body.operationName).length;
    const data = 'data' in answer ? answer.data : answer.reply(body.variables ?? {}, made);
    return new Response(JSON.stringify({ data }), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  };
  const client = new Client({
    url: 'http://cadre.test/graphql',
    preferGetMethod: false, // as the app's client: every operation is a POST with a JSON body
    exchanges: [fetchExchange],
    fetch: fakeFetch,
  });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const session: Session = {
    csrfToken: 'csrf',
    user: { id: 'u1', username: 'head', displayName: 'Trưởng phòng', role: options.role ?? 'UNIT_HEAD' },
  };
  queryClient.setQueryData(sessionQueryKey, session);
  const app = (
    <AntApp>
      <QueryClientProvider client={queryClient}>
        <Provider value={client}>
          <MemoryRouter initialEntries={[options.url ?? '/']}>{ui}</MemoryRouter>
        </Provider>
      </QueryClientProvider>
    </AntApp>
  );
  const view = render(
    <I18nProvider>
      {options.reducedMotion ? (
        <ConfigProvider theme={{ token: { motion: false } }}>{app}</ConfigProvider>
      ) : (
        app
      )}
    </I18nProvider>,
  );
  return { calls, ...view };
}
