import type { Role } from '../auth/session.ts';
import type { CycleStatus } from './use-cycles.ts';

// Mirrors the API's rules so the page offers only what the server will accept; the server decides.

/** Heads adjust during their assessment step, officers and admins during the council's review. */
export function canAdjust(role: Role | undefined, status: CycleStatus | undefined): boolean {
  if (!role || !status) return false;
  if (role === 'UNIT_HEAD') return status === 'ASSESSMENT';
  if (role === 'OFFICER' || role === 'ADMIN') return status === 'REVIEW';
  return false;
}

/** After publication a rating changes only by a numbered correction (officers and admins). */
export function canCorrect(role: Role | undefined, status: CycleStatus | undefined): boolean {
  return (role === 'OFFICER' || role === 'ADMIN') && status === 'PUBLISHED';
}

/** Heads record their conduct assessment while the cycle is at the heads' step. */
export function canAssess(role: Role | undefined, status: CycleStatus | undefined): boolean {
  return role === 'UNIT_HEAD' && status === 'ASSESSMENT';
}
