import type { Cycle, EvaluationRun, Prisma, PrismaClient } from '@cadre/db';
import { ConflictError } from '../../../errors.ts';
import { type ChunkEvaluator, inThreadEvaluator } from '../../../jobs/chunk-evaluator.ts';
import { rankUnits, type UnitStanding } from '../../../rules/block-ranks.ts';
import type { ScenarioInput } from '../../../rules/scenario.ts';
import { descendantIds, type UnitTree, type UnitTreeCache } from '../../../scope/unit-tree.ts';
import type { Viewer } from '../../../scope/viewer.ts';
import { writeAudit } from '../../audit/services/write-audit.ts';
import { assertManages, findVisibleCycle } from '../../cycles/cycle-access.ts';
import { buildScenario, readScopeUnits, type ScopeUnits } from './build-scenario.ts';
import { type PreviousDecision, type UnitRow, writeBatchSize } from './evaluate-chunk.ts';

/**
 * People per chunk of a run. A chunk's scenario, evaluation and rows to write are in memory next to
 * the following chunk's read and the previous chunk's writes. Measured at 100,000 people on
 * PostgreSQL (2 cores, shared): 2,000 a chunk keeps the API process at 526 MB resident (328 MB
 * idle) in 22–23 s; 4,000 is ≈ 3 s faster but ≈ 650 MB.
 */
export const defaultChunkPeople = 2000;
const runnableStatuses = new Set(['OPEN', 'ASSESSMENT', 'REVIEW']);

/** What a job needs to carry out a recorded run (the job's payload). */
export type EvaluationJob = { runId: string; requestId: string | null };

/**
 * The queue that carries out recorded runs (jobs/queue.ts). The job is added inside the transaction
 * that records the run, so there is never a run without its job or a job without its run.
 */
export type EvaluationScheduler = {
  addEvaluationJob(tx: Prisma.TransactionClient, job: EvaluationJob): Promise<void>;
  /** after the commit: tells the workers of this process to look now */
  wake(): void;
};

export type StartedRun = {
  run: EvaluationRun;
  /** the run once it has finished, whichever process carried it out */
  readonly done: Promise<EvaluationRun>;
};

/** The user a run's audit entries name: the one who started it. */
type RunActor = Pick<Viewer, 'userId' | 'username'> | null;

/**
 * Starts an evaluation of a cycle: records an EvaluationRun (refusing a second concurrent run of
 * the same cycle) and the job that carries it out. With `jobs` the run is carried out by the queue
 * (any API process or `npm run worker`, retried elsewhere if its process dies); without, in this
 * process right away (tests and the bench call it so). See executeEvaluationRun for the run itself.
 */
export async function startEvaluationRun(options: {
  prisma: PrismaClient;
  viewer: Viewer;
  unitTrees: UnitTreeCache;
  cycleId: string;
  jobs?: EvaluationScheduler;
  /** the request that started the run, carried into the job's logs */
  requestId?: string | null;
  /** people per chunk (default defaultChunkPeople); a chunk may hold more to keep a unit and its leaders whole */
  chunkPeople?: number;
  /** without jobs: where the chunks are evaluated (default: this thread) */
  evaluator?: ChunkEvaluator;
}): Promise<StartedRun> {
  const { prisma, viewer, jobs } = options;
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
    // a run is RUNNING until its job ends it: a process that dies leaves the job to another worker
    const running = await tx.evaluationRun.findFirst({ where: { cycleId: cycle.id, status: 'RUNNING' } });
    if (running) {
      throw new ConflictError(
        'Đang có một lượt đánh giá chạy cho kỳ này / an evaluation of this cycle is already running',
      );
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
    await jobs?.addEvaluationJob(tx, { runId: created.id, requestId: options.requestId ?? null });
    return created;
  });
  if (jobs) {
    jobs.wake();
    let waiting: Promise<EvaluationRun> | undefined;
    return {
      run,
      get done() {
        waiting ??= waitForRun(prisma, run.id);
        return waiting;
      },
    };
  }
  const done = executeEvaluationRun({
    prisma,
    unitTrees: options.unitTrees,
    runId: run.id,
    chunkPeople: options.chunkPeople,
    evaluator: options.evaluator,
  });
  return { run, done };
}

/** Polls the run's row until it has finished (it may be carried out by another process). */
export async function waitForRun(
  prisma: PrismaClient,
  runId: string,
  intervalMs = 250,
): Promise<EvaluationRun> {
  for (;;) {
    const run = await prisma.evaluationRun.findUniqueOrThrow({ where: { id: runId } });
    if (run.status !== 'RUNNING') return run;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** The evidence failed validation: the run fails and nothing it wrote is kept. */
class InvalidEvidenceError extends Error {
  constructor(readonly errors: string[]) {
    super('invalid evidence');
  }
}

/**
 * Carries out a recorded run (the job's work): evaluates the cycle in chunks of whole units
 * (planChunks): each chunk's evidence is read in bulk, evaluated by the rules engine (in the
 * evaluator's thread) and its results and flags written, all chunks in one transaction;
 * emulation-block ranks, which compare units of different chunks, are made at the end from the
 * units' standings. A run that has already finished is returned as it is.
 *
 * Carrying out the same run again (its job retried after its process died) is idempotent: the
 * same evidence gives the same rows (ids kept, upserted by cycle+person), and the transaction of
 * the attempt that died was rolled back. A decision that differs from the engine with a written
 * reason is kept when it is still legal under the new evaluation; otherwise the final rating
 * returns to the engine's.
 */
export async function executeEvaluationRun(options: {
  prisma: PrismaClient;
  unitTrees: UnitTreeCache;
  runId: string;
  chunkPeople?: number;
  evaluator?: ChunkEvaluator;
}): Promise<EvaluationRun> {
  const { prisma } = options;
  const recorded = await prisma.evaluationRun.findUniqueOrThrow({
    where: { id: options.runId },
    include: { byUser: { select: { id: true, username: true } } },
  });
  const { byUser, ...run } = recorded;
  if (run.status !== 'RUNNING') return run;
  const actor: RunActor = byUser ? { userId: byUser.id, username: byUser.username } : null;
  try {
    const tree = await options.unitTrees.get();
    const cycle = await prisma.cycle.findUniqueOrThrow({ where: { id: run.cycleId } });
    const scope = await readScopeUnits({ tx: prisma, cycle, tree });
    const chunks = planChunks({
      unitIds: scope.units.map((unit) => unit.id),
      headcounts: await readHeadcounts(prisma, scope.unitIds),
      chunkPeople: options.chunkPeople ?? defaultChunkPeople,
    });
    await prisma.evaluationRun.update({
      where: { id: options.runId },
      data: { total: chunks.reduce((sum, chunk) => sum + chunk.people, 0) },
    });
    const errors = await writeEvaluation({
      prisma,
      actor,
      runId: run.id,
      cycle,
      tree,
      scope,
      chunks,
      oneConnection: await hasOneConnection(prisma),
      evaluator: options.evaluator ?? inThreadEvaluator,
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

/** Ends a run that its job can no longer carry out (its attempts are used up). */
export async function abandonRun(prisma: PrismaClient, runId: string, message: string): Promise<void> {
  await prisma.evaluationRun.updateMany({
    where: { id: runId, status: 'RUNNING' },
    data: { status: 'FAILED', message, finishedAt: new Date() },
  });
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

/**
 * How many active people each unit of the scope has, by the unit they lead (null for most) and by
 * their quota group of similar tasks (null for most: the group is then the unit).
 */
export type Headcount = {
  unitId: string;
  leadsUnitId: string | null;
  quotaGroup?: string | null;
  people: number;
};

function readHeadcounts(tx: Prisma.TransactionClient, unitIds: readonly string[]): Promise<Headcount[]> {
  return tx.$queryRawUnsafe<Headcount[]>(
    `SELECT "unitId", "leadsUnitId", "quotaGroup", count(*)::int AS people FROM "Person"
     WHERE active AND "unitId" IN (SELECT jsonb_array_elements_text($1::jsonb))
     GROUP BY "unitId", "leadsUnitId", "quotaGroup"`,
    JSON.stringify(unitIds),
  );
}

export type RunChunk = { unitIds: string[]; people: number };

/**
 * Splits the scope's units into chunks the engine can evaluate apart. Quotas, the CSTĐCS cap and
 * collective titles are per unit, so a unit's people stay together; a leader's rating uses the
 * people of the unit they lead (who may lead units themselves), so the unit a leader sits in and
 * the unit they lead are joined (union-find), transitively; so are the units whose people share a
 * quota group of similar tasks (the excellent quota counts the whole group). The joined groups are packed, in the
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
  const join = (x: string, y: string) => {
    const a = root(x);
    const b = root(y);
    if (a !== b) parent.set(b, a);
  };
  const people = new Map<string, number>();
  const quotaGroupUnit = new Map<string, string>();
  for (const row of options.headcounts) {
    if (!parent.has(row.unitId)) continue;
    people.set(row.unitId, (people.get(row.unitId) ?? 0) + row.people);
    if (row.quotaGroup) {
      const first = quotaGroupUnit.get(row.quotaGroup);
      if (first === undefined) quotaGroupUnit.set(row.quotaGroup, row.unitId);
      else join(first, row.unitId);
    }
    // a unit led from outside the scope is not the leader's unit for the engine (leads is null)
    if (row.leadsUnitId !== null && parent.has(row.leadsUnitId)) join(row.unitId, row.leadsUnitId);
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

function batches<T>(items: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}

/** A chunk's scenario as read, held so that it can be let go as soon as it was sent to be evaluated. */
type ChunkRead = { scenario: ScenarioInput | null };

/** What one chunk writes: its results and flags as the JSON of the write statements' batches. */
type ChunkWrites = { resultBatches: string[]; flagBatches: string[]; people: number };

/**
 * Evaluates the chunks and writes their results, all in one transaction: either the whole run
 * replaces the previous results or nothing does. On PostgreSQL the next chunk is read through the
 * pool and the previous chunk written through the transaction while this one is evaluated (in the
 * evaluator's thread), so the database and the engine work at the same time; with one connection
 * everything goes through the transaction, one step after the other. Returns the engine's
 * per-person errors (id → message).
 *
 * Memory: this thread holds one chunk's rows as read, the next chunk's read and the previous
 * chunk's JSON being written; the engine's objects live and die in the evaluator's thread.
 */
async function writeEvaluation(options: {
  prisma: PrismaClient;
  actor: RunActor;
  runId: string;
  cycle: Cycle;
  tree: UnitTree;
  scope: ScopeUnits;
  chunks: RunChunk[];
  oneConnection: boolean;
  evaluator: ChunkEvaluator;
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
      const previous = new Map<string, PreviousDecision>(
        existing.map((row) => [
          row.personId,
          {
            personId: row.personId,
            finalRating: row.finalRating,
            finalReason: row.finalReason ?? '',
            decidedById: row.decidedById,
            decidedAt: row.decidedAt?.toISOString() ?? null,
          },
        ]),
      );
      const evaluatedIds: string[] = [];
      const flagKeys: string[] = [];
      const unitRows: UnitRow[] = [];
      const standings: UnitStanding[] = [];
      const errors = new Map<string, string>();
      let kept = 0;
      let processed = 0;

      /** Evaluates one chunk (in the evaluator) into the batches to write. */
      const evaluateChunk = async (chunk: RunChunk, read: ChunkRead): Promise<ChunkWrites> => {
        const scenario = read.scenario as ScenarioInput;
        read.scenario = null; // once sent, the rows read can go
        const decisions: PreviousDecision[] = [];
        if (previous.size > 0) {
          for (const person of scenario.people) {
            const decision = previous.get(person.id);
            if (decision) decisions.push(decision);
          }
        }
        const made = await options.evaluator.evaluate({ scenario, unitIds: chunk.unitIds, decisions });
        if (!made.ok) throw new InvalidEvidenceError(made.errors);
        for (const id of made.evaluatedIds) evaluatedIds.push(id);
        for (const key of made.flagKeys) flagKeys.push(key);
        for (const row of made.unitRows) unitRows.push(row);
        for (const standing of made.standings) standings.push(standing);
        for (const [personId, message] of made.errors) errors.set(personId, message);
        kept += made.kept;
        return { resultBatches: made.resultBatches, flagBatches: made.flagBatches, people: made.people };
      };

      /** Writes one chunk's results and flags, then its progress. */
      const writeChunk = async (made: ChunkWrites): Promise<void> => {
        for (const batch of made.resultBatches) await writeResults(tx, cycle.id, options.runId, batch);
        for (const batch of made.flagBatches) await writeFlags(tx, cycle.id, batch);
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
        actor: options.actor,
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

/**
 * Upserts results by (cycle, person) (a batch of ResultRow as JSON) so ids survive re-runs; versions move only when a rating does;
 * a row the run leaves as it was is not rewritten (runId names the run that last changed it), so
 * re-running an unchanged cycle costs reads, not 100,000 row versions and their indexes.
 */
async function writeResults(
  tx: Prisma.TransactionClient,
  cycleId: string,
  runId: string,
  batch: string,
): Promise<void> {
  await tx.$executeRawUnsafe(
    `INSERT INTO "EvaluationResult" ("id","cycleId","personId","unitId","runId","score","components","periods",
       "proposedRating","engineRating","finalRating","finalReason","decidedById","decidedAt","titles","trace",
       "awaitingAssessment","ratingCeiling","titleEligibility","version","updatedAt")
     SELECT u.id, $1, u.person_id, u.unit_id, $2, u.score, u.components, u.periods, u.proposed::"Rating", u.engine::"Rating",
       u.final::"Rating", u.reason, u.decided_by, u.decided_at,
       ARRAY(SELECT jsonb_array_elements_text(u.titles)), u.trace,
       ARRAY(SELECT jsonb_array_elements_text(u.awaiting)::int), u.ceiling, u.eligibility, 1, now()
     FROM jsonb_to_recordset($3::jsonb) AS u(id text, person_id text, unit_id text, score float8, components jsonb,
       periods jsonb, proposed text, engine text, final text, reason text, decided_by text, decided_at timestamptz, titles jsonb, trace jsonb,
       awaiting jsonb, ceiling jsonb, eligibility jsonb)
     ON CONFLICT ("cycleId","personId") DO UPDATE SET
       "unitId" = EXCLUDED."unitId", "runId" = EXCLUDED."runId", "score" = EXCLUDED."score",
       "components" = EXCLUDED."components", "periods" = EXCLUDED."periods",
       "proposedRating" = EXCLUDED."proposedRating",
       "engineRating" = EXCLUDED."engineRating", "finalRating" = EXCLUDED."finalRating",
       "finalReason" = EXCLUDED."finalReason", "decidedById" = EXCLUDED."decidedById",
       "decidedAt" = EXCLUDED."decidedAt", "titles" = EXCLUDED."titles", "trace" = EXCLUDED."trace",
       "awaitingAssessment" = EXCLUDED."awaitingAssessment", "ratingCeiling" = EXCLUDED."ratingCeiling",
       "titleEligibility" = EXCLUDED."titleEligibility",
       "version" = "EvaluationResult"."version" + CASE WHEN "EvaluationResult"."finalRating" IS DISTINCT FROM EXCLUDED."finalRating"
         OR "EvaluationResult"."engineRating" IS DISTINCT FROM EXCLUDED."engineRating" THEN 1 ELSE 0 END,
       "updatedAt" = now()
     WHERE ("EvaluationResult"."unitId", "EvaluationResult"."score", "EvaluationResult"."components",
         "EvaluationResult"."periods",
         "EvaluationResult"."proposedRating", "EvaluationResult"."engineRating", "EvaluationResult"."finalRating",
         "EvaluationResult"."finalReason", "EvaluationResult"."decidedById", "EvaluationResult"."decidedAt",
         "EvaluationResult"."titles", "EvaluationResult"."trace", "EvaluationResult"."awaitingAssessment",
         "EvaluationResult"."ratingCeiling", "EvaluationResult"."titleEligibility")
       IS DISTINCT FROM (EXCLUDED."unitId", EXCLUDED."score", EXCLUDED."components", EXCLUDED."periods",
         EXCLUDED."proposedRating",
         EXCLUDED."engineRating", EXCLUDED."finalRating", EXCLUDED."finalReason", EXCLUDED."decidedById",
         EXCLUDED."decidedAt", EXCLUDED."titles", EXCLUDED."trace", EXCLUDED."awaitingAssessment",
         EXCLUDED."ratingCeiling", EXCLUDED."titleEligibility")`,
    cycleId,
    runId,
    batch,
  );
}

/** Upserts flags by (cycle, person, kind) so a review already made is kept (a batch of FlagRow as JSON). */
async function writeFlags(tx: Prisma.TransactionClient, cycleId: string, batch: string): Promise<void> {
  await tx.$executeRawUnsafe(
    `INSERT INTO "Flag" ("id","cycleId","personId","kind","status","rule","reason")
     SELECT f.id, $1, f.person_id, f.kind::"FlagKind", f.status::"FlagStatus", f.rule, f.reason
     FROM jsonb_to_recordset($2::jsonb) AS f(id text, person_id text, kind text, status text, rule text, reason text)
     ON CONFLICT ("cycleId","personId","kind") DO UPDATE SET
       "status" = EXCLUDED."status", "rule" = EXCLUDED."rule", "reason" = EXCLUDED."reason"
     WHERE ("Flag"."status", "Flag"."rule", "Flag"."reason")
       IS DISTINCT FROM (EXCLUDED."status", EXCLUDED."rule", EXCLUDED."reason")`,
    cycleId,
    batch,
  );
}
