import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ConflictError } from './errors.ts';
import { createLogger, errorFields, requestIdOf } from './logger.ts';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: createLogger(stream, 'info'), lines };
}

describe('logs', () => {
  it('are one JSON object a line, with secrets redacted wherever they sit', () => {
    const { logger, lines } = capture();
    logger.info(
      {
        password: 'Mat-khau-1',
        token: 'tok-123456',
        headers: { authorization: 'Bearer abc', cookie: 'cadre_session=xyz' },
        session: { csrfToken: 'csrf-1', sessionId: 'sid-1' },
        runId: 'run-1',
      },
      'something happened',
    );
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
    expect(entry).toMatchObject({ level: 'info', msg: 'something happened', runId: 'run-1' });
    for (const secret of ['Mat-khau-1', 'tok-123456', 'Bearer abc', 'xyz', 'csrf-1', 'sid-1']) {
      expect(lines[0]).not.toContain(secret);
    }
  });

  it('give an expected error its code and message only, an unexpected one its stack', () => {
    const { logger, lines } = capture();
    logger.warn(errorFields(new ConflictError('Đang có một lượt đánh giá chạy')), 'refused');
    logger.error(errorFields(new Error('connection reset')), 'failed');
    const [expected, unexpected] = lines.map(
      (line) => JSON.parse(line) as { error: Record<string, unknown> },
    );
    expect(expected?.error).toEqual({ code: 'CONFLICT', message: 'Đang có một lượt đánh giá chạy' });
    expect(String(unexpected?.error.stack)).toContain('logger.test.ts');
  });

  it('keep the load balancer’s request id when it is sensible, else make one', () => {
    const given = new Request('http://x/graphql', { headers: { 'x-request-id': 'lb-0123456789' } });
    expect(requestIdOf(given)).toBe('lb-0123456789');
    const odd = new Request('http://x/graphql', { headers: { 'x-request-id': 'a b {"level":"fatal"}' } });
    expect(requestIdOf(odd)).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdOf(odd)).toBe(requestIdOf(odd));
  });
});
