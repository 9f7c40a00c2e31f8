import { createHash } from 'node:crypto';
import type { Prisma } from '@cadre/db';
import type { Viewer } from '../../../scope/viewer.ts';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Plain JSON of any row: dates as ISO strings, bigints as strings, keys kept. */
export function toJson(value: unknown): Json {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map(toJson);
  if (typeof value === 'object') {
    const result: { [key: string]: Json } = {};
    for (const [key, inner] of Object.entries(value)) {
      if (inner !== undefined && typeof inner !== 'function') result[key] = toJson(inner);
    }
    return result;
  }
  return String(value);
}

/** JSON with keys sorted at every level: the same data always gives the same text. */
export function canonicalJson(value: Json): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key] as Json)}`).join(',')}}`;
}

export type AuditRowContent = {
  at: Date;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
};

export const genesisHash = '0'.repeat(64);

/** hash = sha256(prevHash + canonical JSON of the row's content). */
export function auditHash(prevHash: string, row: AuditRowContent): string {
  const content = canonicalJson(
    toJson({
      at: row.at,
      actorId: row.actorId,
      actorName: row.actorName,
      action: row.action,
      entity: row.entity,
      entityId: row.entityId,
      before: row.before ?? null,
      after: row.after ?? null,
    }),
  );
  return createHash('sha256')
    .update(prevHash + content)
    .digest('hex');
}

// One advisory lock serialises appends, so two transactions never chain onto the same row.
const auditLockKey = 4_242_001;

/** Appends one entry to the hash-chained audit log, inside the caller's transaction. */
export async function writeAudit(options: {
  tx: Prisma.TransactionClient;
  actor: Pick<Viewer, 'userId' | 'username'> | null;
  action: string;
  entity: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
}): Promise<void> {
  const { tx } = options;
  await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${auditLockKey})`);
  const last = await tx.auditLog.findFirst({ orderBy: { id: 'desc' }, select: { hash: true } });
  const prevHash = last?.hash ?? genesisHash;
  const row: AuditRowContent = {
    at: new Date(),
    actorId: options.actor?.userId ?? null,
    actorName: options.actor?.username ?? null,
    action: options.action,
    entity: options.entity,
    entityId: options.entityId,
    before: toJson(options.before ?? null),
    after: toJson(options.after ?? null),
  };
  const before = toJson(options.before ?? null);
  const after = toJson(options.after ?? null);
  await tx.auditLog.create({
    data: {
      at: row.at,
      actorId: row.actorId,
      actorName: row.actorName,
      action: row.action,
      entity: row.entity,
      entityId: row.entityId,
      before: before === null ? undefined : (before as Prisma.InputJsonValue),
      after: after === null ? undefined : (after as Prisma.InputJsonValue),
      prevHash,
      hash: auditHash(prevHash, row),
    },
  });
}

/** Walks the chain in order; returns the id of the first broken entry, or null when intact. */
export async function verifyAuditChain(options: {
  prisma: Prisma.TransactionClient;
  batchSize?: number;
}): Promise<{ valid: boolean; checked: number; brokenAtId: string | null }> {
  const batchSize = options.batchSize ?? 1000;
  let prevHash = genesisHash;
  let cursor: bigint | undefined;
  let checked = 0;
  for (;;) {
    const rows = await options.prisma.auditLog.findMany({
      where: cursor === undefined ? {} : { id: { gt: cursor } },
      orderBy: { id: 'asc' },
      take: batchSize,
    });
    for (const row of rows) {
      const expected = auditHash(prevHash, row);
      if (row.prevHash !== prevHash || row.hash !== expected) {
        return { valid: false, checked, brokenAtId: row.id.toString() };
      }
      prevHash = row.hash;
      checked += 1;
    }
    if (rows.length < batchSize) return { valid: true, checked, brokenAtId: null };
    cursor = rows[rows.length - 1]?.id;
  }
}
