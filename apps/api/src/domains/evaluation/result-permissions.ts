import type { CycleStatus } from '@cadre/db';
import { unitInScope, type Viewer } from '../../scope/viewer.ts';
import { isReadOnly } from '../cycles/cycle-access.ts';

// What a viewer may do with one evaluation result, by role, scope and the cycle's step. The
// services enforce the same functions, and the API answers them as `viewerCan…` fields, so the web
// offers only what the server accepts without keeping a copy of these rules.

export type ResultSubject = { unitId: string; personId: string };

function ownResult(viewer: Viewer, result: ResultSubject): boolean {
  return viewer.personId !== null && viewer.personId === result.personId;
}

/** Heads adjust during their assessment step, officers and admins during the council's review; never their own result. */
export function mayAdjust(viewer: Viewer, status: CycleStatus, result: ResultSubject): boolean {
  if (isReadOnly(status) || ownResult(viewer, result) || !unitInScope(viewer, result.unitId)) return false;
  if (viewer.role === 'UNIT_HEAD') return status === 'ASSESSMENT';
  if (viewer.role === 'OFFICER' || viewer.role === 'ADMIN') return status === 'REVIEW';
  return false;
}

/** After publication a rating changes only by a numbered correction (officers and admins). */
export function mayCorrect(viewer: Viewer, status: CycleStatus, result: ResultSubject): boolean {
  return (
    (viewer.role === 'OFFICER' || viewer.role === 'ADMIN') &&
    status === 'PUBLISHED' &&
    unitInScope(viewer, result.unitId)
  );
}

/** Heads record the conduct assessment of their people while the cycle is at the heads' step. */
export function mayAssess(viewer: Viewer, status: CycleStatus, result: ResultSubject): boolean {
  return (
    viewer.role === 'UNIT_HEAD' &&
    status === 'ASSESSMENT' &&
    !ownResult(viewer, result) &&
    unitInScope(viewer, result.unitId)
  );
}

/** Heads, officers and admins propose titles for others in their scope while the cycle is writable. */
export function mayProposeTitle(viewer: Viewer, status: CycleStatus, result: ResultSubject): boolean {
  return (
    (viewer.role === 'UNIT_HEAD' || viewer.role === 'OFFICER' || viewer.role === 'ADMIN') &&
    !isReadOnly(status) &&
    !ownResult(viewer, result) &&
    unitInScope(viewer, result.unitId)
  );
}
