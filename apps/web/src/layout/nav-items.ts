import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import type { Role } from '../auth/session.ts';
import type { MessageKey } from '../i18n/vi.ts';

export type NavItem = {
  path: string;
  label: MessageKey;
  roles: readonly Role[];
  component: LazyExoticComponent<ComponentType>;
};

// Which pages each role sees; the API enforces the same limits, this only keeps the menu honest.
// The first entry a role may see is its home page.
export const navItems: readonly NavItem[] = [
  {
    path: '/dashboard',
    label: 'nav.dashboard',
    roles: ['ADMIN', 'OFFICER'],
    component: lazy(() => import('../pages/dashboard-page.tsx').then((m) => ({ default: m.DashboardPage }))),
  },
  {
    path: '/people',
    label: 'nav.people',
    roles: ['ADMIN', 'OFFICER', 'UNIT_HEAD'],
    component: lazy(() => import('../pages/people-page.tsx').then((m) => ({ default: m.PeoplePage }))),
  },
  {
    path: '/units',
    label: 'nav.units',
    roles: ['ADMIN', 'OFFICER'],
    component: lazy(() => import('../pages/units-page.tsx').then((m) => ({ default: m.UnitsPage }))),
  },
  {
    path: '/cycles',
    label: 'nav.cycles',
    roles: ['ADMIN', 'OFFICER', 'UNIT_HEAD', 'COUNCIL_MEMBER'],
    component: lazy(() => import('../pages/cycles-page.tsx').then((m) => ({ default: m.CyclesPage }))),
  },
  {
    path: '/results',
    label: 'nav.results',
    roles: ['ADMIN', 'OFFICER', 'UNIT_HEAD', 'COUNCIL_MEMBER'],
    component: lazy(() => import('../pages/results-page.tsx').then((m) => ({ default: m.ResultsPage }))),
  },
  {
    path: '/rankings',
    label: 'nav.rankings',
    roles: ['ADMIN', 'OFFICER', 'UNIT_HEAD', 'COUNCIL_MEMBER'],
    component: lazy(() => import('../pages/rankings-page.tsx').then((m) => ({ default: m.RankingsPage }))),
  },
  {
    path: '/calibration',
    label: 'nav.calibration',
    roles: ['ADMIN', 'OFFICER', 'UNIT_HEAD', 'COUNCIL_MEMBER'],
    component: lazy(() =>
      import('../pages/calibration-page.tsx').then((m) => ({ default: m.CalibrationPage })),
    ),
  },
  {
    path: '/my-result',
    label: 'nav.myResult',
    roles: ['STAFF'],
    component: lazy(() => import('../pages/my-result-page.tsx').then((m) => ({ default: m.MyResultPage }))),
  },
  {
    path: '/flags',
    label: 'nav.flags',
    roles: ['ADMIN', 'OFFICER', 'UNIT_HEAD'],
    component: lazy(() => import('../pages/flags-page.tsx').then((m) => ({ default: m.FlagsPage }))),
  },
  {
    path: '/appeals',
    label: 'nav.appeals',
    roles: ['ADMIN', 'OFFICER'],
    component: lazy(() => import('../pages/appeals-page.tsx').then((m) => ({ default: m.AppealsPage }))),
  },
  {
    path: '/emulation',
    label: 'nav.emulation',
    roles: ['ADMIN', 'OFFICER', 'UNIT_HEAD', 'COUNCIL_MEMBER'],
    component: lazy(() => import('../pages/emulation-page.tsx').then((m) => ({ default: m.EmulationPage }))),
  },
  {
    path: '/documents',
    label: 'nav.documents',
    roles: ['ADMIN', 'OFFICER'],
    component: lazy(() => import('../pages/documents-page.tsx').then((m) => ({ default: m.DocumentsPage }))),
  },
  {
    path: '/imports',
    label: 'nav.imports',
    roles: ['ADMIN', 'OFFICER'],
    component: lazy(() => import('../pages/imports-page.tsx').then((m) => ({ default: m.ImportsPage }))),
  },
  {
    path: '/accounts',
    label: 'nav.accounts',
    roles: ['ADMIN'],
    component: lazy(() => import('../pages/accounts-page.tsx').then((m) => ({ default: m.AccountsPage }))),
  },
  {
    path: '/audit',
    label: 'nav.audit',
    roles: ['ADMIN', 'OFFICER'],
    component: lazy(() => import('../pages/audit-page.tsx').then((m) => ({ default: m.AuditPage }))),
  },
  {
    path: '/periods',
    label: 'nav.periods',
    roles: ['ADMIN', 'OFFICER', 'UNIT_HEAD'],
    component: lazy(() =>
      import('../pages/period-tracking-page.tsx').then((m) => ({ default: m.PeriodTrackingPage })),
    ),
  },
  {
    path: '/my-periods',
    label: 'nav.myPeriods',
    roles: ['STAFF'],
    component: lazy(() => import('../pages/my-periods-page.tsx').then((m) => ({ default: m.MyPeriodsPage }))),
  },
  {
    path: '/catalogue',
    label: 'nav.catalogue',
    roles: ['ADMIN', 'OFFICER'],
    component: lazy(() => import('../pages/catalogue-page.tsx').then((m) => ({ default: m.CataloguePage }))),
  },
];

export function navItemsFor(role: Role): NavItem[] {
  return navItems.filter((item) => item.roles.includes(role));
}

export function homePathFor(role: Role): string {
  return navItemsFor(role)[0]?.path ?? '/';
}
