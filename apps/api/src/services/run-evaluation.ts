import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Cycle, EvaluationRun, Prisma, PrismaClient } from '@cadre/db';
import { ConflictError } from '../errors.ts';
import { uuidv7 } from '../ids.ts';
import { rankUnits, standingsOf, type UnitStanding } from '../rules/block-ranks.ts';
import { checkRating, runEngine } from '../rules/engine.ts';
import type { ScenarioInput } from '../rules/scenario.ts';
import { descendantIds, type UnitTree, type UnitTreeCache } from '../scope/unit-tree.ts';
import type { Viewer } from '../scope/viewer.ts';
import { buildScenario, readScopeUnits, type ScopeUnits } from './build-scenario.ts';
import { assertManages, findVisibleCycle } from './cycle-access.ts';
import { writeAudit } from './write-audit.ts';

/** A run still RUNNING after this long is taken to have died with its process. */
const staleRunMs = 30 * 60_000;
/** Rows per write statement (one JSON parameter each). */
const writeBatchSize = 2000;
/**
 * People per chunk of a run. A chunk's scenario, evaluation and rows to write are in memory next to
 * the following chunk's read and the previous chunk's writes. Measured at 100,000 people on
 * PostgreSQL (2 cores, shared): 2,000 a chunk keeps the API process at 526 MB resident (328 MB
 * idle) in 22–23 s; 4,000 is ≈ 3 s faster but ≈ 650 MB.
 */
export const defaultChunkPeople = 2000;
const runnableStatuses = new Set(['OPEN', 'ASSESSMENT', 'REVIEW']);

export type StartedRun = { run: EvaluationRun; done: Promise<EvaluationRun> };

/**
 * Starts an evaluation of a cycle: records an EvaluationRun (refusing a second concurrent run of
 * the same cycle), then in the background evaluates it in chunks of whole units (planChunks): each
 * chunk's evidence is read in bulk, evaluated by the rules engine and its results and flags
 * written, all chunks in one transaction; emulation-block ranks, which compare units of different
 * chunks, are made at the end from the units' standings.
 *
 * Re-running is idempotent: the same evidence gives the same rows (ids kept, upserted by
 * cycle+person). A decision that differs from the engine with a written reason is kept when it is
 * still legal under the new evaluation; otherwise the final rating returns to the engine's.
 */
export async function startEvaluationRun(options: {
  prisma: PrismaClient;
  viewer: Viewer;
  unitTrees: UnitTreeCache;
  cycleId: string;
  /** people per chunk (default defaultChunkPeople); a chunk may hold more to keep a unit and its leaders whole */
  chunkPeople?: number;
}): Promise<StartedRun> {
  const { prisma, viewer } = options;
  const tree = await options.unitTrees.get();
  const run = await prisma.$transaction(async (tx) => {
    const cycle = await findVisibleCycle(tx, viewer, options.cycleId);
    assertManages(viewer, cycle);
    if (!runnableStatuses.has(cycle.status)) {
      throw new ConflictError(
        `Không chạy đánh giá khi kỳ ở ${cycle.status} / evaluation runs only in OPEN, ASSESSMENT or REVIEW (now ${cycle.status})`,
      );
    }
    // serialise starts of the same cycle across connections and replicas
    await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(hashtext($1))`, `evaluation-run:${cycle.id}`);
    const running = await tx.evaluationRun.findFirst({ where: { cycleId: cycle.id, status: 'RUNNING' } });
    if (running) {
      if (Date.now() - running.startedAt.getTime() < staleRunMs) {
        throw new ConflictError(
          'Đang có một lượt đánh giá chạy cho kỳ này / an evaluation of this cycle is already running',
        );
      }
      await tx.evaluationRun.update({
        where: { id: running.id },
        data: { status: 'FAILED', finishedAt: new Date(), message: 'abandoned (no progress for 30 min)' },
      });
    }
    const total = await tx.person.count({
      where: { unitId: { in: descendantIds(tree, cycle.scopeUnitId) }, active: true },
    });
    const created = await tx.evaluationRun.create({
      data: { cycleId: cycle.id, total, byUserId: viewer.userId },
    });
    await writeAudit({
      tx,
      actor: viewer,
      action: 'runEvaluation',
      entity: 'EvaluationRun',
      entityId: created.id,
      after: created,
    });
    return created;
  });
  const done = executeRun({
    prisma,
    viewer,
    unitTrees: options.unitTrees,
    runId: run.id,
    cycleId: run.cycleId,
    chunkPeople: options.chunkPeople ?? defaultChunkPeople,
  });
  return { run, done };
}

/** The evidence failed validation: the run fails and nothing it wrote is kept. */
class InvalidEvidenceError extends Error {
  constructor(readonly errors: string[]) {
    super('invalid evidence');
  }
}

async function executeRun(options: {
  prisma: PrismaClient;
  viewer: Viewer;
  unitTrees: UnitTreeCache;
  runId: string;
  cycleId: string;
  chunkPeople: number;
}): Promise<EvaluationRun> {
  const { prisma } = options;
  try {
    const tree = await options.unitTrees.get();
    const cycle = await prisma.cycle.findUniqueOrThrow({ where: { id: options.cycleId } });
    const scope = await readScopeUnits({ tx: prisma, cycle, tree });
    const chunks = planChunks({
      unitIds: scope.units.map((unit) => unit.id),
      headcounts: await readHeadcounts(prisma, scope.unitIds),
      chunkPeople: options.chunkPeople,
    });
    await prisma.evaluationRun.update({
      where: { id: options.runId },
      data: { total: chunks.reduce((sum, chunk) => sum + chunk.people, 0) },
    });
    const errors = await writeEvaluation({
      ...options,
      cycle,
      tree,
      scope,
      chunks,
      oneConnection: await hasOneConnection(prisma),
    });
    return await finishRun(prisma, options.runId, 'SUCCEEDED', await describeErrors(prisma, errors));
  } catch (error) {
    if (error instanceof InvalidEvidenceError) {
      return finishRun(
        prisma,
        options.runId,
        'FAILED',
        `Dữ liệu không hợp lệ / invalid evidence:\n${error.errors.slice(0, 50).join('\n')}`,
      );
    }
    const message = error instanceof Error ? error.message : String(error);
    return finishRun(prisma, options.runId, 'FAILED', message.slice(0, 2000));
  }
}

async function finishRun(
  prisma: PrismaClient,
  runId: string,
  status: 'SUCCEEDED' | 'FAILED',
  message: string | null,
): Promise<EvaluationRun> {
  const run = await prisma.evaluationRun.findUniqueOrThrow({ where: { id: runId } });
  return prisma.evaluationRun.update({
    where: { id: runId },
    data: {
      status,
      message,
      finishedAt: new Date(),
      processed: status === 'SUCCEEDED' ? run.total : run.processed,
    },
  });
}

/**
 * The engine's per-person errors as the run's message: the first 50 in the order of the people's
 * codes, as a run in one piece listed them (chunks are evaluated in the order of their units).
 */
async function describeErrors(prisma: PrismaClient, errors: Map<string, string>): Promise<string | null> {
  if (errors.size === 0) return null;
  const first = await prisma.$queryRawUnsafe<{ id: string }[]>(
    `SELECT id FROM "Person" WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb)) ORDER BY code LIMIT 50`,
    JSON.stringify([...errors.keys()]),
  );
  return first.map((row) => `${row.id}: ${errors.get(row.id) ?? ''}`).join('\n');
}

/** How many active people each unit of the scope has, by the unit they lead (null for most). */
export type Headcount = { unitId: string; leadsUnitId: string | null; people: number };

function readHeadcounts(tx: Prisma.TransactionClient, unitIds: readonly string[]): Promise<Headcount[]> {
  return tx.$queryRawUnsafe<Headcount[]>(
    `SELECT "unitId", "leadsUnitId", count(*)::int AS people FROM "Person"
     WHERE active AND "unitId" IN (SELECT jsonb_array_elements_text($1::jsonb))
     GROUP BY "unitId", "leadsUnitId"`,
    JSON.stringify(unitIds),
  );
}

export type RunChunk = { unitIds: string[]; people: number };

/**
 * Splits the scope's units into chunks the engine can evaluate apart. Quotas, the CSTĐCS cap and
 * collective titles are per unit, so a unit's people stay together; a leader's rating uses the
 * people of the unit they lead (who may lead units themselves), so the unit a leader sits in and
 * the unit they lead are joined (union-find), transitively. The joined groups are packed, in the
 * order of `unitIds`, into chunks of about `chunkPeople` people; a group larger than that is a
 * chunk of its own. Every unit is in exactly one chunk, also a unit without people.
 */
export function planChunks(options: {
  unitIds: readonly string[];
  headcounts: readonly Headcount[];
  chunkPeople: number;
}): RunChunk[] {
  const parent = new Map<string, string>(options.unitIds.map((id) => [id, id]));
  const root = (id: string): string => {
    let current = id;
    for (;;) {
      const up = parent.get(current) ?? current;
      if (up === current) return current;
      const grand = parent.get(up) ?? up;
      parent.set(current, grand); // path halving keeps the trees flat
      current = grand;
    }
  };
  const people = new Map<string, number>();
  for (const row of options.headcounts) {
    if (!parent.has(row.unitId)) continue;
    people.set(row.unitId, (people.get(row.unitId) ?? 0) + row.people);
    // a unit led from outside the scope is not the leader's unit for the engine (leads is null)
    if (row.leadsUnitId !== null && parent.has(row.leadsUnitId)) {
      const a = root(row.unitId);
      const b = root(row.leadsUnitId);
      if (a !== b) parent.set(b, a);
    }
  }
  const groups = new Map<string, RunChunk>();
  for (const id of options.unitIds) {
    const key = root(id);
    const group = groups.get(key) ?? { unitIds: [], people: 0 };
    group.unitIds.push(id);
    group.people += people.get(id) ?? 0;
    groups.set(key, group);
  }
  const chunks: RunChunk[] = [];
  let current: RunChunk = { unitIds: [], people: 0 };
  for (const group of groups.values()) {
    if (current.unitIds.length > 0 && current.people + group.people > options.chunkPeople) {
      chunks.push(current);
      current = { unitIds: [], people: 0 };
    }
    current.unitIds.push(...group.unitIds);
    current.people += group.people;
  }
  if (current.unitIds.length > 0) chunks.push(current);
  return chunks;
}

/**
 * The embedded engine (PGlite) has one connection: while the run's transaction holds it, a query
 * outside the transaction would wait for the transaction's end, which would wait for the query.
 */
async function hasOneConnection(prisma: PrismaClient): Promise<boolean> {
  const [row] = await prisma.$queryRawUnsafe<{ version: string }[]>(`SELECT version() AS version`);
  return /wasm|emscripten/i.test(row?.version ?? '');
}

/** How far the heap may grow during a run above what was live at its start, at least (collectGarbage). */
const heapHeadroom = 120 * 1024 * 1024;
let fullCollection: (() => void) | undefined;

/**
 * Each chunk leaves its evidence, scenario and evaluation behind as garbage, and V8 lets the heap
 * grow to about four times what is live before it collects on its own (measured at 100,000 people
 * in chunks of 2,000: 170 MB live, 710 MB of heap, 970 MB resident), so without help a run's
 * memory would follow V8's heuristics rather than the chunk size. This collects all garbage (the
 * same function `node --expose-gc` provides, given to a new context only) and returns what is
 * then live; the run calls it at its start and then at chunk boundaries whenever the heap has
 * grown past its limit (writeEvaluation).
 */
function collectGarbage(): number {
  if (!fullCollection) {
    fullCollection = (globalThis as { gc?: () => void }).gc;
    if (!fullCollection) {
      setFlagsFromString('--expose-gc');
      fullCollection = runInNewContext('gc') as () => void;
    }
  }
  fullCollection();
  return getHeapStatistics().used_heap_size;
}

function batches<T>(items: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}

/** A chunk's scenario as read, held so that it can be let go as soon as the engine has parsed it. */
type ChunkRead = { scenario: ScenarioInput | null };

/** What one chunk writes: its results and flags (the rows of writeResults and writeFlags). */
type ChunkWrites = { rows: ResultRow[]; flags: FlagRow[]; people: number };

type UnitRow = {
  unitId: string;
  excellentEligible: number;
  excellentAllowed: number;
  excellentGranted: number;
  collectiveTitles: string[];
};

/**
 * Evaluates the chunks and writes their results, all in one transaction: either the whole run
 * replaces the previous results or nothing does. On PostgreSQL the next chunk is read through the
 * pool and the previous chunk written through the transaction while this one is evaluated, so the
 * database and Node work at the same time; with one connection everything goes through the
 * transaction, one step after the other. Returns the engine's per-person errors (id → message).
 */
async function writeEvaluation(options: {
  prisma: PrismaClient;
  viewer: Viewer;
  runId: string;
  cycle: Cycle;
  tree: UnitTree;
  scope: ScopeUnits;
  chunks: RunChunk[];
  oneConnection: boolean;
}): Promise<Map<string, string>> {
  const { prisma, cycle, chunks } = options;
  return prisma.$transaction(
    async (tx) => {
      const reader = options.oneConnection ? tx : prisma;
      const readChunk = async (chunk: RunChunk): Promise<ChunkRead> => {
        const built = await buildScenario({
          tx: reader,
          cycle,
          tree: options.tree,
          scope: options.scope,
          unitIds: chunk.unitIds,
        });
        return { scenario: built.scenario };
      };
      // only decisions with a written reason can survive a re-run
      const existing = await tx.evaluationResult.findMany({
        where: { cycleId: cycle.id, finalReason: { not: null } },
        select: { personId: true, finalRating: true, finalReason: true, decidedById: true, decidedAt: true },
      });
      const previous = new Map(existing.map((row) => [row.personId, row]));
      const evaluatedIds: string[] = [];
      const flagKeys: string[] = [];
      const unitRows: UnitRow[] = [];
      const standings: UnitStanding[] = [];
      const errors = new Map<string, string>();
      let kept = 0;
      let processed = 0;
      // a full collection costs in proportion to what is live: collecting only once the heap has
      // grown by at least that much keeps its cost to a share of the run's work in any process
      const live = collectGarbage();
      const heapLimit = live + Math.max(heapHeadroom, live);

      /** Evaluates one chunk into the rows to write; what it made besides them is garbage when it returns. */
      const evaluateChunk = async (chunk: RunChunk, read: ChunkRead): Promise<ChunkWrites> => {
        const engine = await runEngine(read.scenario as ScenarioInput);
        read.scenario = null; // parseScenario made its own objects: the rows read can go
        if (!engine.ok) throw new InvalidEvidenceError(engine.errors);
        const { evaluation } = engine;

        const unitOf = new Map(engine.scenario.people.map((person) => [person.id, person.unitId]));
        const rows: ResultRow[] = [];
        for (const person of evaluation.people) {
          const before = previous.get(person.id);
          let final = person.rating;
          let reason: string | null = null;
          let decidedById: string | null = null;
          let decidedAt: string | null = null;
          // the check needs the person's unit and the units they lead: all in this chunk
          if (before?.finalReason && before.finalRating !== person.rating) {
            const check = await checkRating({
              scenario: engine.scenario,
              evaluation,
              personId: person.id,
              rating: before.finalRating,
            });
            if (check.ok) {
              final = before.finalRating;
              reason = before.finalReason;
              decidedById = before.decidedById;
              decidedAt = before.decidedAt?.toISOString() ?? null;
              kept += 1;
            }
          }
          evaluatedIds.push(person.id);
          rows.push({
            id: uuidv7(),
            person_id: person.id,
            unit_id: unitOf.get(person.id) ?? null,
            score: person.score,
            components: person.components,
            proposed: person.proposedRating,
            engine: person.rating,
            final,
            reason,
            decided_by: decidedById,
            decided_at: decidedAt,
            titles: person.titles,
            trace: person.trace,
          });
        }
        for (const error of evaluation.errors) {
          if (error.personId) errors.set(error.personId, error.message);
        }
        const ownUnits = new Set(chunk.unitIds);
        for (const unit of evaluation.units) {
          if (!ownUnits.has(unit.id)) continue;
          unitRows.push({
            unitId: unit.id,
            excellentEligible: unit.excellentQuota.eligible,
            excellentAllowed: unit.excellentQuota.allowed,
            excellentGranted: unit.excellentQuota.granted,
            collectiveTitles: unit.collectiveTitles,
          });
        }
        standings.push(...standingsOf(engine.scenario, evaluation, ownUnits));
        const flags = evaluation.people.flatMap((person) =>
          person.flags.map((flag) => ({
            id: uuidv7(),
            person_id: person.id,
            kind: flag.kind,
            status: flag.status,
            rule: flag.rule,
            reason: flag.reason,
          })),
        );
        for (const flag of flags) flagKeys.push(`${flag.person_id}:${flag.kind}`);

        return { rows, flags, people: evaluation.people.length };
      };

      /** Writes one chunk's results and flags, then its progress. */
      const writeChunk = async (made: ChunkWrites): Promise<void> => {
        await writeResults(tx, cycle.id, options.runId, made.rows);
        await writeFlags(tx, cycle.id, made.flags);
        processed += made.people;
        // progress is seen by pollers on their own connections; with one connection nobody can
        // read it before the transaction ends, and the end sets it anyway
        if (!options.oneConnection) {
          await prisma.evaluationRun.update({ where: { id: options.runId }, data: { processed } });
        }
      };

      let reading: Promise<ChunkRead> | null = chunks.length > 0 ? readChunk(chunks[0] as RunChunk) : null;
      let writing: Promise<void> = Promise.resolve();
      try {
        for (let index = 0; index < chunks.length; index += 1) {
          const chunk = chunks[index] as RunChunk;
          const nextChunk = chunks[index + 1];
          const current = reading as Promise<ChunkRead>;
          reading = !options.oneConnection && nextChunk ? readChunk(nextChunk) : null;
          const made = await evaluateChunk(chunk, await current);
          // one chunk's writes at a time, each running while the next chunk is evaluated (with one
          // connection, before anything else is asked of it)
          await writing;
          writing = writeChunk(made);
          writing.catch(() => undefined); // failures are met at the next await, not reported twice
          if (options.oneConnection) await writing;
          if (getHeapStatistics().used_heap_size > heapLimit) collectGarbage();
          if (options.oneConnection && nextChunk) reading = readChunk(nextChunk);
        }
        await writing;
      } finally {
        // a read started for a chunk that will not be evaluated (the run failed) is let go quietly,
        // and a write still running ends before the transaction is rolled back
        reading?.catch(() => undefined);
        await writing.catch(() => undefined);
      }

      // results and flags of people no longer evaluated go
      await tx.$executeRawUnsafe(
        `DELETE FROM "EvaluationResult" WHERE "cycleId" = $1
           AND NOT ("personId" IN (SELECT jsonb_array_elements_text($2::jsonb)))`,
        cycle.id,
        JSON.stringify(evaluatedIds),
      );
      await tx.$executeRawUnsafe(
        `DELETE FROM "Flag" WHERE "cycleId" = $1 AND NOT (("personId" || ':' || "kind"::text)
           IN (SELECT jsonb_array_elements_text($2::jsonb)))`,
        cycle.id,
        JSON.stringify(flagKeys),
      );

      // unit results: nothing refers to them, so replace them; block ranks compare units of all chunks
      const ranks = rankUnits(standings);
      await tx.unitResult.deleteMany({ where: { cycleId: cycle.id } });
      for (const batch of batches(unitRows, writeBatchSize)) {
        await tx.unitResult.createMany({
          data: batch.map((unit) => ({
            cycleId: cycle.id,
            ...unit,
            blockRank: ranks.get(unit.unitId) ?? null,
          })),
        });
      }

      await tx.cycle.update({ where: { id: cycle.id }, data: { lastRunId: options.runId } });
      await writeAudit({
        tx,
        actor: options.viewer,
        action: 'writeEvaluation',
        entity: 'Cycle',
        entityId: cycle.id,
        after: {
          runId: options.runId,
          people: evaluatedIds.length,
          units: unitRows.length,
          flags: flagKeys.length,
          keptDecisions: kept,
          errors: errors.size,
        },
      });
      return errors;
    },
    { timeout: 15 * 60_000, maxWait: 60_000 },
  );
}

type ResultRow = {
  id: string;
  person_id: string;
  unit_id: string | null;
  score: number | null;
  components: unknown;
  proposed: string;
  engine: string;
  final: string;
  reason: string | null;
  decided_by: string | null;
  decided_at: string | null;
  titles: string[];
  trace: unknown;
};

/**
 * Upserts results by (cycle, person) so ids survive re-runs; versions move only when a rating does;
 * a row the run leaves as it was is not rewritten (runId names the run that last changed it), so
 * re-running an unchanged cycle costs reads, not 100,000 row versions and their indexes.
 */
async function writeResults(
  tx: Prisma.TransactionClient,
  cycleId: string,
  runId: string,
  rows: ResultRow[],
): Promise<void> {
  for (const batch of batches(rows, writeBatchSize)) {
    await tx.$executeRawUnsafe(
      `INSERT INTO "EvaluationResult" ("id","cycleId","personId","unitId","runId","score","components",
         "proposedRating","engineRating","finalRating","finalReason","decidedById","decidedAt","titles","trace","version","updatedAt")
       SELECT u.id, $1, u.person_id, u.unit_id, $2, u.score, u.components, u.proposed::"Rating", u.engine::"Rating",
         u.final::"Rating", u.reason, u.decided_by, u.decided_at,
         ARRAY(SELECT jsonb_array_elements_text(u.titles)), u.trace, 1, now()
       FROM jsonb_to_recordset($3::jsonb) AS u(id text, person_id text, unit_id text, score float8, components jsonb,
         proposed text, engine text, final text, reason text, decided_by text, decided_at timestamptz, titles jsonb, trace jsonb)
       ON CONFLICT ("cycleId","personId") DO UPDATE SET
         "unitId" = EXCLUDED."unitId", "runId" = EXCLUDED."runId", "score" = EXCLUDED."score",
         "components" = EXCLUDED."components", "proposedRating" = EXCLUDED."proposedRating",
         "engineRating" = EXCLUDED."engineRating", "finalRating" = EXCLUDED."finalRating",
         "finalReason" = EXCLUDED."finalReason", "decidedById" = EXCLUDED."decidedById",
         "decidedAt" = EXCLUDED."decidedAt", "titles" = EXCLUDED."titles", "trace" = EXCLUDED."trace",
         "version" = "EvaluationResult"."version" + CASE WHEN "EvaluationResult"."finalRating" IS DISTINCT FROM EXCLUDED."finalRating"
           OR "EvaluationResult"."engineRating" IS DISTINCT FROM EXCLUDED."engineRating" THEN 1 ELSE 0 END,
         "updatedAt" = now()
       WHERE ("EvaluationResult"."unitId", "EvaluationResult"."score", "EvaluationResult"."components",
           "EvaluationResult"."proposedRating", "EvaluationResult"."engineRating", "EvaluationResult"."finalRating",
           "EvaluationResult"."finalReason", "EvaluationResult"."decidedById", "EvaluationResult"."decidedAt",
           "EvaluationResult"."titles", "EvaluationResult"."trace")
         IS DISTINCT FROM (EXCLUDED."unitId", EXCLUDED."score", EXCLUDED."components", EXCLUDED."proposedRating",
           EXCLUDED."engineRating", EXCLUDED."finalRating", EXCLUDED."finalReason", EXCLUDED."decidedById",
           EXCLUDED."decidedAt", EXCLUDED."titles", EXCLUDED."trace")`,
      cycleId,
      runId,
      JSON.stringify(batch),
    );
  }
}

type FlagRow = { id: string; person_id: string; kind: string; status: string; rule: string; reason: string };

/** Upserts flags by (cycle, person, kind) so a review already made is kept. */
async function writeFlags(tx: Prisma.TransactionClient, cycleId: string, flags: FlagRow[]): Promise<void> {
  for (const batch of batches(flags, writeBatchSize)) {
    await tx.$executeRawUnsafe(
      `INSERT INTO "Flag" ("id","cycleId","personId","kind","status","rule","reason")
       SELECT f.id, $1, f.person_id, f.kind::"FlagKind", f.status::"FlagStatus", f.rule, f.reason
       FROM jsonb_to_recordset($2::jsonb) AS f(id text, person_id text, kind text, status text, rule text, reason text)
       ON CONFLICT ("cycleId","personId","kind") DO UPDATE SET
         "status" = EXCLUDED."status", "rule" = EXCLUDED."rule", "reason" = EXCLUDED."reason"
       WHERE ("Flag"."status", "Flag"."rule", "Flag"."reason")
         IS DISTINCT FROM (EXCLUDED."status", EXCLUDED."rule", EXCLUDED."reason")`,
      cycleId,
      JSON.stringify(batch),
    );
  }
}
