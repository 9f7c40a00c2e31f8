// The API's services, loaded at run time from apps/api/src (which the bench does not depend on as a
// package): the types here are the small part of their signatures the bench uses, so the bench
// type-checks on its own even while those files change; a missing service is reported, not fatal.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PrismaClient } from '@cadre/db';
import { benchDir } from './bench-database.ts';

export const repoRoot = path.resolve(benchDir, '..');
export const apiSrc = path.join(repoRoot, 'apps/api/src');

export type BenchViewer = {
  userId: string;
  username: string;
  displayName: string;
  role: 'ADMIN';
  personId: null;
  personUnitId: null;
  scopeUnitId: null;
  sessionId: string;
  csrfToken: string;
  unitIds: null;
  ancestorUnitIds: string[];
  councilUnitIds: string[];
  councilIds: string[];
};

export type UnitTreeCacheLike = { get(): Promise<unknown>; invalidate(): void };

type RunRecord = { id: string; status: string; total: number; processed: number; message: string | null };

export type RunEvaluationModule = {
  startEvaluationRun(options: {
    prisma: PrismaClient;
    viewer: BenchViewer;
    unitTrees: UnitTreeCacheLike;
    cycleId: string;
  }): Promise<{ run: RunRecord; done: Promise<RunRecord> }>;
};

export type BuildScenarioModule = {
  buildScenario(options: { tx: PrismaClient; cycle: unknown; tree: unknown; personIds?: string[] }): Promise<{
    scenario: { people: unknown[]; tasks: unknown[] };
  }>;
};

export type UnitTreeModule = {
  createUnitTreeCache(options: { prisma: PrismaClient; ttlMs?: number }): UnitTreeCacheLike;
};

export type ImportEvidenceModule = {
  importEvidence(options: {
    prisma: PrismaClient;
    viewer: BenchViewer;
    unitTrees: UnitTreeCacheLike;
    kind: 'PEOPLE';
    cycleId: string | null;
    fileName: string;
    content: Buffer;
  }): Promise<{
    batch: { status: string; totalRows: number; validRows: number; errorCount: number };
    errors: { row: number; field: string; message: string }[];
  }>;
};

export type RulesModule = {
  parseScenario(input: unknown): { ok: true; scenario: unknown } | { ok: false; errors: unknown[] };
  evaluateScenario(scenario: unknown): { people: unknown[] };
};

/** A module of apps/api/src, or the reason it cannot be used. */
export async function loadApiModule<T>(relative: string): Promise<{ module: T } | { missing: string }> {
  const file = path.join(apiSrc, relative);
  if (!existsSync(file)) return { missing: `apps/api/src/${relative} does not exist` };
  try {
    return { module: (await import(pathToFileURL(file).href)) as T };
  } catch (error) {
    return {
      missing: `apps/api/src/${relative} failed to load: ${error instanceof Error ? error.message : error}`,
    };
  }
}

export async function loadRules(): Promise<{ module: RulesModule } | { missing: string }> {
  try {
    // a computed specifier: the engine is written concurrently, the bench must type-check without it
    const specifier = '@cadre/rules';
    const rules = (await import(specifier)) as Partial<RulesModule>;
    if (typeof rules.evaluateScenario !== 'function' || typeof rules.parseScenario !== 'function') {
      return { missing: '@cadre/rules does not export parseScenario and evaluateScenario yet' };
    }
    return { module: rules as RulesModule };
  } catch (error) {
    return {
      missing: `@cadre/rules failed to load: ${error instanceof Error ? error.message.split('\n')[0] : error}`,
    };
  }
}

export function benchViewer(userId: string): BenchViewer {
  return {
    userId,
    username: 'bench-admin',
    displayName: 'Quản trị đo hiệu năng',
    role: 'ADMIN',
    personId: null,
    personUnitId: null,
    scopeUnitId: null,
    sessionId: 'bench',
    csrfToken: 'bench',
    unitIds: null,
    ancestorUnitIds: [],
    councilUnitIds: [],
    councilIds: [],
  };
}
