import type { Context } from 'hono';
import { type ApiEnv, jsonResponse } from './respond.ts';

export class PayloadTooLargeError extends Error {}
export class UploadStalledError extends Error {}

/**
 * Reads the body up to `limit` bytes; refuses at once on a declared length above it, and gives up
 * when no byte arrives for `idleMs`. (Not hono/body-limit: it has no idle time, and this is read
 * only after the caller, the route's subject and the cycle were checked.) What is left unread is
 * drained or cut off by the Node adapter once the answer is sent.
 */
export async function readBody(c: Context<ApiEnv>, limit: number, idleMs: number): Promise<Buffer> {
  const declared = Number(c.req.header('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limit) throw new PayloadTooLargeError();
  const body = c.req.raw.body;
  if (!body) return Buffer.alloc(0);
  const reader = body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      let timer: NodeJS.Timeout | undefined;
      const stalled = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new UploadStalledError()), idleMs);
      });
      const chunk = await Promise.race([reader.read(), stalled]).finally(() => clearTimeout(timer));
      if (chunk.done) return Buffer.concat(parts);
      size += chunk.value.length;
      if (size > limit) throw new PayloadTooLargeError();
      parts.push(chunk.value);
    }
  } finally {
    reader.releaseLock();
  }
}

/**
 * The answer to a body that could not be read: 408 when it stalled, 413 when it was too large
 * (anything else is thrown on). The connection is closed after either: the rest is not waited for.
 */
export function unreadBodyResponse(error: unknown, limit: number): Response {
  if (error instanceof UploadStalledError) {
    return jsonResponse(
      408,
      {
        error: 'Tải lên bị ngắt: không nhận được dữ liệu / upload stalled: no data received',
        code: 'REQUEST_TIMEOUT',
      },
      { connection: 'close' },
    );
  }
  if (!(error instanceof PayloadTooLargeError)) throw error;
  const megabytes = Math.round(limit / 1024 / 1024);
  return jsonResponse(
    413,
    {
      error: `Tệp quá lớn: tối đa ${megabytes} MB / file too large: at most ${megabytes} MB`,
      code: 'PAYLOAD_TOO_LARGE',
      limitBytes: limit,
    },
    { connection: 'close' },
  );
}
