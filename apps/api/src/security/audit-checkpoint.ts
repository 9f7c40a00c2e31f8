// The head of the audit chain (entries counted, last id, last hash) is checkpointed outside the
// database: a JSON file signed with HMAC-SHA256 under the server's secret (config.secretKey, never
// in the database). Whoever can write the table can recompute every hash after an edit, or delete
// the last rows, and the chain alone would still verify; the checkpoint would not match
// (verify-audit.ts). Written after mutations (debounced) and once a minute.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Prisma, PrismaClient } from '@cadre/db';

export type AuditHead = { count: number; lastId: string | null; hash: string | null };
export type AuditCheckpoint = AuditHead & { at: string };

function macOf(secret: Buffer, checkpoint: AuditCheckpoint): string {
  const text = JSON.stringify([checkpoint.count, checkpoint.lastId, checkpoint.hash, checkpoint.at]);
  return createHmac('sha256', secret).update(`audit-checkpoint v1 ${text}`).digest('hex');
}

export async function readAuditHead(prisma: Pick<Prisma.TransactionClient, 'auditLog'>): Promise<AuditHead> {
  const [count, last] = await Promise.all([
    prisma.auditLog.count(),
    prisma.auditLog.findFirst({ orderBy: { id: 'desc' }, select: { id: true, hash: true } }),
  ]);
  return { count, lastId: last ? last.id.toString() : null, hash: last?.hash ?? null };
}

/** Writes the signed checkpoint atomically (a temporary file renamed over the old one). */
export async function writeAuditCheckpoint(options: {
  file: string;
  secret: Buffer;
  head: AuditHead;
  now?: Date;
}): Promise<AuditCheckpoint> {
  const checkpoint: AuditCheckpoint = { ...options.head, at: (options.now ?? new Date()).toISOString() };
  await mkdir(path.dirname(options.file), { recursive: true });
  const temporary = `${options.file}.${process.pid}.tmp`;
  await writeFile(
    temporary,
    `${JSON.stringify({ ...checkpoint, mac: macOf(options.secret, checkpoint) })}\n`,
    {
      mode: 0o600,
    },
  );
  await rename(temporary, options.file);
  return checkpoint;
}

export class CheckpointError extends Error {
  override name = 'CheckpointError';
}

/** The checkpoint in the file, its signature checked; null when there is no file yet. */
export async function readAuditCheckpoint(file: string, secret: Buffer): Promise<AuditCheckpoint | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new CheckpointError(`${file}: not a checkpoint (not JSON)`);
  }
  const checkpoint: AuditCheckpoint = {
    count: typeof parsed.count === 'number' ? parsed.count : -1,
    lastId: typeof parsed.lastId === 'string' ? parsed.lastId : null,
    hash: typeof parsed.hash === 'string' ? parsed.hash : null,
    at: typeof parsed.at === 'string' ? parsed.at : '',
  };
  const expected = Buffer.from(macOf(secret, checkpoint));
  const given = Buffer.from(typeof parsed.mac === 'string' ? parsed.mac : '');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new CheckpointError(
      `${file}: chữ ký sai / the checkpoint's signature does not match (edited, or another secret key)`,
    );
  }
  return checkpoint;
}

export type AuditCheckpointer = { schedule(): void; flush(): Promise<void>; close(): Promise<void> };

/** Writes the head after changes (at most every `delayMs`) and every `everyMs`; never throws. */
export function createAuditCheckpointer(options: {
  prisma: PrismaClient;
  file: string;
  secret: Buffer;
  delayMs?: number;
  everyMs?: number;
  onError?: (error: unknown) => void;
}): AuditCheckpointer {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const write = () => {
    running = running
      .then(async () => {
        await writeAuditCheckpoint({
          file: options.file,
          secret: options.secret,
          head: await readAuditHead(options.prisma),
        });
      })
      .catch((error: unknown) => options.onError?.(error));
    return running;
  };
  const periodic = setInterval(() => void write(), options.everyMs ?? 60_000);
  periodic.unref();
  return {
    schedule() {
      if (timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        void write();
      }, options.delayMs ?? 1_000);
      timer.unref();
    },
    flush: () => write(),
    async close() {
      clearInterval(periodic);
      if (timer) clearTimeout(timer);
      timer = undefined;
      await write();
    },
  };
}
