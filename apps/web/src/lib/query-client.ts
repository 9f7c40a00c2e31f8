import { QueryClient } from '@tanstack/react-query';

/** TanStack Query for what is not GraphQL: the session and configuration endpoints, files. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: false, refetchOnWindowFocus: false, staleTime: 60_000 },
  },
});
