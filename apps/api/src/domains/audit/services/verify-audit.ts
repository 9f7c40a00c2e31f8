// Walks the hash-chained audit log in id order, in batches, and names the first broken link.
// The recipe is write-audit.ts's: hash = sha256(prevHash + canonical JSON of the row's content),
// prevHash = the previous entry's hash (the genesis hash for the first entry).
// With the signed checkpoint (security/audit-checkpoint.ts), the chain must also reach the
// checkpoint's last entry with its hash and count: a deleted tail or a re-computed chain is named.
import type { Prisma } from '@cadre/db';
import type { AuditCheckpoint } from '../../../security/audit-checkpoint.ts';
import { auditHash, genesisHash } from './write-audit.ts';

export type AuditBreakKind =
  /** the row's content no longer gives its hash: someone edited it */
  | 'EDITED'
  /** the row is intact but does not chain onto the row before it: rows in between were deleted */
  | 'DELETED_BEFORE'
  /** the row's content and its link both fail: edited, including its prevHash */
  | 'RELINKED'
  /** the chain verifies but ends before the signed checkpoint's last entry: the tail was deleted */
  | 'TAIL_DELETED'
  /** the chain verifies but disagrees with the signed checkpoint: rows edited or deleted and re-chained */
  | 'RECHAINED';

export type AuditBreak = {
  kind: AuditBreakKind;
  /** id of the first row that does not verify */
  id: string;
  /** id of the last row that verified (null: the break is at the start of the log) */
  previousId: string | null;
  /** ids missing between previousId and id (sequence gaps also come from rolled-back writes) */
  missingIds: number;
  message: string;
};

export type AuditVerification =
  | { intact: true; checked: number }
  | { intact: false; checked: number; broken: AuditBreak };

type AuditRow = Prisma.AuditLogGetPayload<Record<string, never>>;

type AuditReader = Pick<Prisma.TransactionClient, 'auditLog'>;

function describe(
  kind: AuditBreakKind,
  row: AuditRow,
  previousId: string | null,
  missingIds: number,
): string {
  const where = `audit entry #${row.id} (${row.at.toISOString()} ${row.action} ${row.entity}${row.entityId ? ` ${row.entityId}` : ''})`;
  const after = previousId === null ? 'the start of the log' : `entry #${previousId}`;
  switch (kind) {
    case 'EDITED':
      return `${where} was edited: its content does not match its hash`;
    case 'DELETED_BEFORE':
      return `${where} does not chain onto ${after}: ${missingIds > 0 ? `${missingIds} entr${missingIds === 1 ? 'y' : 'ies'} between them ${missingIds === 1 ? 'is' : 'are'} missing` : 'an entry before it was deleted'}`;
    case 'RELINKED':
      return `${where} was edited: neither its hash nor its link to ${after} match`;
    default:
      return where;
  }
}

function checkpointBreak(
  checkpoint: AuditCheckpoint,
  reached: { hash: string; count: number } | null,
  previousId: bigint | null,
  checked: number,
): AuditVerification {
  const at = `the checkpoint of ${checkpoint.at} (${checkpoint.count} entries, last #${checkpoint.lastId})`;
  const tail = reached === null;
  const kind: AuditBreakKind = tail ? 'TAIL_DELETED' : 'RECHAINED';
  const message = tail
    ? `the log ends at entry #${previousId ?? 'none'} before ${at}: its last entries were deleted`
    : `entry #${checkpoint.lastId} or the entries before it differ from ${at} (${reached.count} entries, hash ${reached.hash.slice(0, 12)}…): the log was edited or cut and its hashes recomputed`;
  return {
    intact: false,
    checked,
    broken: {
      kind,
      id: checkpoint.lastId ?? '',
      previousId: previousId === null ? null : previousId.toString(),
      missingIds: tail ? Number(BigInt(checkpoint.lastId ?? '0') - (previousId ?? 0n)) : 0,
      message,
    },
  };
}

/** Checks every entry in id order; stops at the first broken link. */
export async function verifyAudit(options: {
  prisma: AuditReader;
  batchSize?: number;
  onProgress?: (checked: number) => void;
  /** the signed head of the chain, when there is one (readAuditCheckpoint) */
  checkpoint?: AuditCheckpoint | null;
}): Promise<AuditVerification> {
  const batchSize = options.batchSize ?? 2000;
  const checkpoint = options.checkpoint ?? null;
  let prevHash = genesisHash;
  let previousId: bigint | null = null;
  let checked = 0;
  let reached: { hash: string; count: number } | null = null;
  for (;;) {
    const rows: AuditRow[] = await options.prisma.auditLog.findMany({
      where: previousId === null ? {} : { id: { gt: previousId } },
      orderBy: { id: 'asc' },
      take: batchSize,
    });
    for (const row of rows) {
      const linked = row.prevHash === prevHash;
      const selfConsistent = row.hash === auditHash(row.prevHash, row);
      if (!linked || !selfConsistent) {
        const kind: AuditBreakKind = !selfConsistent ? (linked ? 'EDITED' : 'RELINKED') : 'DELETED_BEFORE';
        const missingIds = Number(row.id - (previousId ?? 0n) - 1n);
        const prev = previousId === null ? null : previousId.toString();
        return {
          intact: false,
          checked,
          broken: {
            kind,
            id: row.id.toString(),
            previousId: prev,
            missingIds,
            message: describe(kind, row, prev, missingIds),
          },
        };
      }
      prevHash = row.hash;
      previousId = row.id;
      checked += 1;
      if (checkpoint?.lastId === row.id.toString()) reached = { hash: row.hash, count: checked };
    }
    options.onProgress?.(checked);
    if (rows.length < batchSize) {
      if (checkpoint && checkpoint.lastId !== null) {
        if (reached === null || reached.hash !== checkpoint.hash || reached.count !== checkpoint.count) {
          return checkpointBreak(checkpoint, reached, previousId, checked);
        }
      }
      return { intact: true, checked };
    }
  }
}
