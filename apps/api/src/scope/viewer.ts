import type { Role } from '@cadre/db';
import { ancestorIds, descendantIds, type UnitTree } from './unit-tree.ts';

/** Who is calling, with the unit sets every where-builder needs precomputed. */
export type Viewer = {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  personId: string | null;
  personUnitId: string | null;
  scopeUnitId: string | null;
  sessionId: string;
  csrfToken: string;
  /** set by an administrator's reset: GraphQL allows only changePassword, logout and me */
  mustChangePassword?: boolean;
  /** the scope unit's subtree; null = no limit (admin/officer without a scope unit) */
  unitIds: string[] | null;
  /** units above the scope (a department head still sees the province's cycle) */
  ancestorUnitIds: string[];
  /** for council members: the subtrees their councils cover */
  councilUnitIds: string[];
  councilIds: string[];
};

export type ViewerSource = {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  personId: string | null;
  personUnitId: string | null;
  scopeUnitId: string | null;
  sessionId: string;
  csrfToken: string;
  mustChangePassword?: boolean;
  councils: { id: string; scopeUnitId: string }[];
};

export function buildViewer(source: ViewerSource, tree: UnitTree): Viewer {
  let unitIds: string[] | null;
  let anchor: string | null = source.scopeUnitId;
  switch (source.role) {
    case 'ADMIN':
    case 'OFFICER':
      unitIds = source.scopeUnitId ? descendantIds(tree, source.scopeUnitId) : null;
      break;
    case 'UNIT_HEAD':
      // a head without a scope unit sees no unit at all (never everything)
      unitIds = source.scopeUnitId ? descendantIds(tree, source.scopeUnitId) : [];
      break;
    default:
      unitIds = [];
      anchor = source.personUnitId;
  }
  const councilUnitIds =
    source.role === 'COUNCIL_MEMBER'
      ? [...new Set(source.councils.flatMap((council) => descendantIds(tree, council.scopeUnitId)))]
      : [];
  const ancestors = new Set<string>();
  if (anchor) {
    for (const id of ancestorIds(tree, anchor)) ancestors.add(id);
    if (source.role === 'STAFF' || source.role === 'COUNCIL_MEMBER') ancestors.add(anchor);
  }
  for (const council of source.role === 'COUNCIL_MEMBER' ? source.councils : []) {
    ancestors.add(council.scopeUnitId);
    for (const id of ancestorIds(tree, council.scopeUnitId)) ancestors.add(id);
  }
  return {
    userId: source.userId,
    username: source.username,
    displayName: source.displayName,
    role: source.role,
    personId: source.personId,
    personUnitId: source.personUnitId,
    scopeUnitId: source.scopeUnitId,
    sessionId: source.sessionId,
    csrfToken: source.csrfToken,
    mustChangePassword: source.mustChangePassword ?? false,
    unitIds,
    ancestorUnitIds: [...ancestors],
    councilUnitIds,
    councilIds: source.councils.map((council) => council.id),
  };
}

/** Whether a unit lies inside the viewer's administrative scope (admin, officer, head). */
export function unitInScope(viewer: Viewer, unitId: string): boolean {
  return viewer.unitIds === null || viewer.unitIds.includes(unitId);
}
