import { useQuery } from '@tanstack/react-query';
import { setCsrfToken } from '../lib/csrf-token.ts';

export type Role = 'ADMIN' | 'OFFICER' | 'UNIT_HEAD' | 'COUNCIL_MEMBER' | 'STAFF';

export type SessionUser = {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  personId?: string | null;
  scopeUnitId?: string | null;
};

export type Session = { csrfToken: string; user: SessionUser };

export type ServerConfig = { demo: boolean; demoAccounts: string[]; demoPassword?: string | null };

export const sessionQueryKey = ['session'] as const;

export async function fetchSession(): Promise<Session | null> {
  const response = await fetch('/api/session', { credentials: 'include' });
  if (response.status === 401) {
    setCsrfToken(null);
    return null;
  }
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const body = (await response.json()) as { csrfToken: string; user: SessionUser };
  setCsrfToken(body.csrfToken);
  return { csrfToken: body.csrfToken, user: body.user };
}

export async function fetchServerConfig(): Promise<ServerConfig> {
  const response = await fetch('/api/config', { credentials: 'include' });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as ServerConfig;
}

export function useSession() {
  return useQuery({ queryKey: sessionQueryKey, queryFn: fetchSession, staleTime: Number.POSITIVE_INFINITY });
}

export function useServerConfig() {
  return useQuery({ queryKey: ['config'], queryFn: fetchServerConfig, staleTime: Number.POSITIVE_INFINITY });
}
