import type { Viewer } from '../scope/viewer.ts';

/** An administrator as a service call sees them (tests that call a use case without a request). */
export function adminViewer(userId: string): Viewer {
  return {
    userId,
    username: 'admin',
    displayName: 'Quản trị',
    role: 'ADMIN',
    personId: null,
    personUnitId: null,
    scopeUnitId: null,
    sessionId: 'test',
    csrfToken: 'test',
    unitIds: null,
    ancestorUnitIds: [],
    councilUnitIds: [],
    councilIds: [],
  };
}
