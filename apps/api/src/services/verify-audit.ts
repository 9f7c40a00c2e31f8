// Walks the hash-chained audit log in id order, in batches, and names the first broken link.
// The recipe is write-audit.ts's: hash = sha256(prevHash + canonical JSON of the row's content),
// prevHash = the previous entry's hash (the genesis hash for the first entry).
import type { Prisma } from '@cadre/db';
import { auditHash, genesisHash } from './write-audit.ts';

export type AuditBreakKind =
  /** the row's content no longer gives its hash: someone edited it */
  | 'EDITED'
  /** the row is intact but does not chain onto the row before it: rows in between were deleted */
  | 'DELETED_BEFORE'
  /** the row's content and its link both fail: edited, including its prevHash */
  | 'RELINKED';

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
  }
}

/** Checks every entry in id order; stops at the first broken link. */
export async function verifyAudit(options: {
  prisma: AuditReader;
  batchSize?: number;
  onProgress?: (checked: number) => void;
}): Promise<AuditVerification> {
  const batchSize = options.batchSize ?? 2000;
  let prevHash = genesisHash;
  let previousId: bigint | null = null;
  let checked = 0;
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
    }
    options.onProgress?.(checked);
    if (rows.length < batchSize) return { intact: true, checked };
  }
}
