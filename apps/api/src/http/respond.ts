// What the HTTP routes share: the Hono environment, JSON and file answers, the mapping of an
// AppError to its status, ids in query strings, the file in an upload, and the sign-in check of the
// file and document routes.
import type { HttpBindings } from '@hono/node-server';
import { decodeGlobalID } from '@pothos/plugin-relay';
import type { Context, MiddlewareHandler } from 'hono';
import { authenticateRequest } from '../auth/authenticate-request.ts';
import type { AppServices } from '../context.ts';
import { type AppError, appErrorMapping, ValidationError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { Viewer } from '../scope/viewer.ts';

export type ApiEnv = {
  Bindings: HttpBindings;
  Variables: { requestId: string; log: Logger; viewer: Viewer };
};

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}

export function appErrorResponse(error: AppError): Response {
  return jsonResponse(appErrorMapping[error.code].http, {
    error: error.message,
    code: appErrorMapping[error.code].graphql,
    ...(error.messageKey ? { messageKey: error.messageKey, messageParams: error.messageParams } : {}),
    ...error.details,
  });
}

/** A download: attachment with the name in ASCII and in UTF-8, never cached, never sniffed. */
export function fileResponse(
  fileName: string,
  contentType: string,
  content: Uint8Array,
  extra: Record<string, string> = {},
): Response {
  const ascii = fileName.replace(/[^\w.-]+/g, '_');
  return new Response(new Uint8Array(content.buffer as ArrayBuffer, content.byteOffset, content.length), {
    status: 200,
    headers: {
      'content-type': contentType,
      'content-length': String(content.length),
      'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      ...extra,
    },
  });
}

/** A Relay global id (as GraphQL hands out) or a raw database id from the query string; null when absent. */
export function idParam(c: Context, name: string, typename: string): string | null {
  return idValue(c.req.query(name) ?? null, name, typename);
}

export function requiredIdParam(c: Context, name: string, typename: string): string {
  const id = idParam(c, name, typename);
  if (!id) throw new ValidationError([{ field: name, message: `Thiếu ${name} / ${name} is required` }]);
  return id;
}

export function idValue(value: string | null, field: string, typename: string): string | null {
  if (!value) return null;
  try {
    const decoded = decodeGlobalID(value);
    if (decoded.typename === typename) return decoded.id;
  } catch {
    // not a global id: a raw id
  }
  if (!/^[0-9a-f-]{36}$/i.test(value)) {
    throw new ValidationError([
      { field, message: `Mã ${typename} không hợp lệ / not an id of a ${typename}` },
    ]);
  }
  return value;
}

export type FormFile = { field: string; fileName: string; type: string; content: Buffer };

/** The files of a multipart form, in order; null when the body is not a form. */
export async function formFiles(contentType: string, body: Uint8Array): Promise<FormFile[] | null> {
  if (!contentType.startsWith('multipart/form-data')) return null;
  const form = await new Response(new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.length), {
    headers: { 'content-type': contentType },
  })
    .formData()
    .catch(() => {
      throw new ValidationError([
        { field: 'file', message: 'Biểu mẫu tải lên hỏng / malformed multipart body' },
      ]);
    });
  const files: FormFile[] = [];
  for (const [field, value] of form.entries()) {
    if (typeof value === 'string') continue;
    files.push({
      field,
      fileName: value.name || 'upload',
      type: value.type,
      content: Buffer.from(await value.arrayBuffer()),
    });
  }
  return files;
}

/** The first file of a multipart form; null when the body is not a form (the body is then the file). */
export async function formFile(
  contentType: string,
  body: Uint8Array,
): Promise<{ fileName: string; content: Buffer } | null> {
  const files = await formFiles(contentType, body);
  if (!files) return null;
  const first = files[0];
  if (!first) throw new ValidationError([{ field: 'file', message: 'Chưa chọn tệp / no file in the form' }]);
  return { fileName: first.fileName, content: first.content };
}

/**
 * Signed in as GraphQL is (bearer token, or the session cookie — with the CSRF header for anything
 * but GET and HEAD): the viewer is set for the route, or the answer is 401.
 */
export function requireViewer(services: AppServices): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const method = c.req.method;
    const auth = await authenticateRequest({
      prisma: services.prisma,
      unitTrees: services.unitTrees,
      request: c.req.raw,
      requireCsrf: method !== 'GET' && method !== 'HEAD',
    });
    if (!auth.viewer) {
      return jsonResponse(401, {
        error: auth.failure ?? 'Cần đăng nhập / Authentication required',
        code: 'UNAUTHENTICATED',
      });
    }
    c.set('viewer', auth.viewer);
    await next();
  };
}
