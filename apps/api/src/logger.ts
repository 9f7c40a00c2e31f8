// Structured logs: one JSON object a line on stdout (pino), for a log shipper to collect from every
// replica and worker. What never goes into a log: passwords, tokens, cookies, session and CSRF
// values (redacted by key wherever they sit), personal data (log ids, not names), and the stack of
// an expected error (AppError: code and message only).
import { randomUUID } from 'node:crypto';
import { type DestinationStream, type Logger, pino } from 'pino';
import { AppError } from './errors.ts';

export type { Logger };

const secretKeys = [
  'password',
  'newPassword',
  'currentPassword',
  'token',
  'csrfToken',
  'sessionId',
  'authorization',
  'cookie',
  'set-cookie',
];

/** The level from LOG_LEVEL; tests log warnings and worse unless told otherwise. */
function levelFromEnv(env: Record<string, string | undefined> = process.env): string {
  const level = env.LOG_LEVEL?.trim().toLowerCase();
  if (level && ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(level)) return level;
  return env.NODE_ENV === 'test' ? 'warn' : 'info';
}

/** A logger writing to `destination` (stdout by default); tests pass a stream of their own. */
export function createLogger(destination?: DestinationStream, level = levelFromEnv()): Logger {
  const options = {
    level,
    base: { service: 'cadre-api' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: [
        ...secretKeys,
        ...secretKeys.map((key) => `*.${key}`),
        ...secretKeys.map((key) => `*.*.${key}`),
      ],
      censor: '[redacted]',
    },
    formatters: { level: (label: string) => ({ level: label }) },
  };
  return destination ? pino(options, destination) : pino(options);
}

export const logger: Logger = createLogger();

/**
 * An error as log fields. An expected error (AppError: bad input, conflict, forbidden…) is a code
 * and its message; anything else keeps its stack, which is what the operator needs to fix it.
 */
export function errorFields(error: unknown): Record<string, unknown> {
  if (error instanceof AppError) return { error: { code: error.code, message: error.message } };
  if (error instanceof Error)
    return { error: { type: error.name, message: error.message, stack: error.stack } };
  return { error: { message: String(error) } };
}

const requestIds = new WeakMap<object, string>();
const acceptableRequestId = /^[A-Za-z0-9._:-]{8,64}$/;

/**
 * The id of a request, the same for everything logged about it and for the jobs it starts: the
 * load balancer's `x-request-id` when it sends a sensible one, else a new UUID.
 */
export function requestIdOf(request: Request | { headers: Headers | Record<string, unknown> }): string {
  const known = requestIds.get(request);
  if (known) return known;
  const headers = request.headers;
  const given = headers instanceof Headers ? headers.get('x-request-id') : headers['x-request-id'];
  const id = typeof given === 'string' && acceptableRequestId.test(given) ? given : randomUUID();
  requestIds.set(request, id);
  return id;
}
