// A cache of read results (ranking pages, counts) that is never stale past a commit.
//
// Every entry names the tables it was read from ("tags": 'EvaluationResult:<cycleId>', 'Person',
// 'Cycle'…). The database's triggers send a NOTIFY naming what each committed statement changed
// (prisma/migrations/…_change_notifications); every replica listens and drops the entries that
// name it. A GraphQL mutation of this process also drops everything as soon as it is done, so a
// user reads their own write even before the notification arrives. While the listening connection
// is down nothing is cached (messages could be missed). Entries also expire after `ttlMs`.
import { createHash } from 'node:crypto';
import type { Database } from '@cadre/db';
import { errorFields, logger } from './logger.ts';

export const changeChannel = 'cadre_changes';

export type ReadCacheStats = { hits: number; misses: number; entries: number; listening: boolean };

export type ReadCache = {
  /** the value stored under `key` while none of `tags` changed, else what `load` returns */
  read<T>(options: { key: string; tags: readonly string[]; load: () => Promise<T> }): Promise<T>;
  /** the value stored under `key` if it is still valid (for callers that cannot wrap the read) */
  lookup(key: string): unknown;
  /** where the clock stands: take it before reading, pass it to keep() */
  now(): number;
  /** keeps a value read since `since` (a change in between makes it invalid at once) */
  keep(key: string, tags: readonly string[], since: number, value: unknown): void;
  /** something changed: a table ('Person'), one part of it ('EvaluationResult:<cycleId>') or '*' (all) */
  changed(what: string): void;
  stats(): ReadCacheStats;
  close(): Promise<void>;
};

type Entry = { value: unknown; tags: readonly string[]; loadedAt: number; at: number };

/** A short key for any JSON-shaped value (where-clauses can hold thousands of unit ids). */
export function cacheKey(parts: unknown): string {
  return createHash('sha1').update(JSON.stringify(parts)).digest('base64url');
}

export function createReadCache(options: {
  db: Pick<Database, 'listen'>;
  ttlMs?: number;
  maxEntries?: number;
  /** false: every read goes to the database (nothing is listened to or kept) */
  enabled?: boolean;
}): ReadCache {
  const ttlMs = options.ttlMs ?? 60_000;
  const maxEntries = options.maxEntries ?? 2000;
  const entries = new Map<string, Entry>();
  // a logical clock: each change moves it; an entry is valid while no tag of it changed after it
  // began loading
  let clock = 0;
  let everythingAt = 0;
  const changedAt = new Map<string, number>();
  let listening = false;
  let hits = 0;
  let misses = 0;

  const changed = (what: string) => {
    clock += 1;
    if (what === '*') {
      everythingAt = clock;
      entries.clear();
      return;
    }
    changedAt.set(what, clock);
  };

  const isValid = (entry: Entry): boolean => {
    if (entry.loadedAt < everythingAt || Date.now() - entry.at > ttlMs) return false;
    for (const tag of entry.tags) {
      const table = tag.split(':', 1)[0] as string;
      if ((changedAt.get(tag) ?? 0) > entry.loadedAt) return false;
      if (table !== tag && (changedAt.get(table) ?? 0) > entry.loadedAt) return false;
    }
    return true;
  };

  const listen = () =>
    options.db
      .listen(changeChannel, {
        onMessage: changed,
        onState(now) {
          listening = now;
          changed('*');
        },
      })
      .catch((error: unknown) => {
        logger.error(
          errorFields(error),
          'Không nghe được thay đổi, bộ nhớ đệm tắt / change notifications unavailable, read cache off',
        );
        return async () => undefined;
      });
  const stopping = options.enabled === false ? Promise.resolve(async () => undefined) : listen();

  const store = (key: string, entry: Entry) => {
    entries.delete(key);
    entries.set(key, entry);
    if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
  };

  const lookup = (key: string): Entry | undefined => {
    if (!listening) return undefined;
    const found = entries.get(key);
    if (found && isValid(found)) {
      hits += 1;
      // most recently used goes last, so the oldest is the first to go
      entries.delete(key);
      entries.set(key, found);
      return found;
    }
    misses += 1;
    return undefined;
  };

  return {
    read<T>({ key, tags, load }: { key: string; tags: readonly string[]; load: () => Promise<T> }) {
      if (!listening) return load();
      const found = lookup(key);
      if (found) return found.value as Promise<T>;
      const value = load();
      const entry: Entry = { value, tags, loadedAt: clock, at: Date.now() };
      store(key, entry);
      // a failed read is not kept: the next caller tries again
      value.catch(() => {
        if (entries.get(key) === entry) entries.delete(key);
      });
      return value;
    },
    lookup: (key) => lookup(key)?.value,
    now: () => clock,
    keep(key, tags, since, value) {
      if (listening) store(key, { value, tags, loadedAt: since, at: Date.now() });
    },
    changed,
    stats: () => ({ hits, misses, entries: entries.size, listening }),
    async close() {
      listening = false;
      entries.clear();
      await (await stopping)();
    },
  };
}
