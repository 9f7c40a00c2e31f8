import type { PrismaClient } from '@cadre/db';

/** The unit hierarchy as adjacency maps: small (thousands of rows), loaded whole and cached briefly. */
export type UnitTree = {
  parentOf: Map<string, string | null>;
  childrenOf: Map<string, string[]>;
};

export function buildUnitTree(rows: { id: string; parentId: string | null }[]): UnitTree {
  const parentOf = new Map<string, string | null>();
  const childrenOf = new Map<string, string[]>();
  for (const row of rows) {
    parentOf.set(row.id, row.parentId);
    if (row.parentId) {
      const siblings = childrenOf.get(row.parentId);
      if (siblings) siblings.push(row.id);
      else childrenOf.set(row.parentId, [row.id]);
    }
  }
  return { parentOf, childrenOf };
}

/** The unit and everything below it; empty when the unit does not exist. */
export function descendantIds(tree: UnitTree, rootId: string): string[] {
  if (!tree.parentOf.has(rootId)) return [];
  const result: string[] = [];
  const stack = [rootId];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    result.push(id);
    for (const child of tree.childrenOf.get(id) ?? []) stack.push(child);
  }
  return result;
}

/** The unit's ancestors, nearest first (the unit itself excluded). */
export function ancestorIds(tree: UnitTree, unitId: string): string[] {
  const result: string[] = [];
  const seen = new Set<string>([unitId]);
  let current = tree.parentOf.get(unitId) ?? null;
  while (current && !seen.has(current)) {
    result.push(current);
    seen.add(current);
    current = tree.parentOf.get(current) ?? null;
  }
  return result;
}

export type UnitTreeCache = {
  get(): Promise<UnitTree>;
  /** call after any change to the hierarchy */
  invalidate(): void;
};

export function createUnitTreeCache(options: { prisma: PrismaClient; ttlMs?: number }): UnitTreeCache {
  const ttlMs = options.ttlMs ?? 30_000;
  let cached: { tree: Promise<UnitTree>; at: number } | undefined;
  return {
    get() {
      if (!cached || Date.now() - cached.at > ttlMs) {
        const tree = options.prisma.unit
          .findMany({ select: { id: true, parentId: true } })
          .then((rows) => buildUnitTree(rows));
        cached = { tree, at: Date.now() };
        tree.catch(() => {
          cached = undefined;
        });
      }
      return cached.tree;
    },
    invalidate() {
      cached = undefined;
    },
  };
}
