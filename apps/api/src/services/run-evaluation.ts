import type { Cycle, EvaluationRun, PrismaClient } from '@cadre/db';
import { ConflictError } from '../errors.ts';
import { uuidv7 } from '../ids.ts';
import { checkRating, runEngine } from '../rules/engine.ts';
import type { EvaluationOutput, ScenarioInput } from '../rules/scenario.ts';
import { descendantIds, type UnitTreeCache } from '../scope/unit-tree.ts';
import type { Viewer } from '../scope/viewer.ts';
import { buildScenario } from './build-scenario.ts';
import { assertManages, findVisibleCycle } from './cycle-access.ts';
import { writeAudit } from './write-audit.ts';

/** A run still RUNNING after this long is taken to have died with its process. */
const staleRunMs = 30 * 60_000;
const chunkSize = 2000;
const runnableStatuses = new Set(['OPEN', 'ASSESSMENT', 'REVIEW']);

export type StartedRun = { run: EvaluationRun; done: Promise<EvaluationRun> };

/**
 * Starts an evaluation of a cycle: records an EvaluationRun (refusing a second concurrent run of
 * the same cycle), then in the background reads the cycle's evidence in bulk, calls the rules
 * engine once, and writes results, unit results and flags in one transaction.
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
  });
  return { run, done };
}

async function executeRun(options: {
  prisma: PrismaClient;
  viewer: Viewer;
  unitTrees: UnitTreeCache;
  runId: string;
  cycleId: string;
}): Promise<EvaluationRun> {
  const { prisma } = options;
  try {
    const tree = await options.unitTrees.get();
    const cycle = await prisma.cycle.findUniqueOrThrow({ where: { id: options.cycleId } });
    const { scenario } = await buildScenario({ tx: prisma, cycle, tree });
    await prisma.evaluationRun.update({
      where: { id: options.runId },
      data: { total: scenario.people.length },
    });
    const engine = await runEngine(scenario);
    if (!engine.ok) {
      return await finishRun(
        prisma,
        options.runId,
        'FAILED',
        `Dữ liệu không hợp lệ / invalid evidence:\n${engine.errors.slice(0, 50).join('\n')}`,
      );
    }
    await prisma.evaluationRun.update({
      where: { id: options.runId },
      data: { processed: Math.floor(scenario.people.length / 2) },
    });
    await writeEvaluation({ ...options, cycle, scenario: engine.scenario, evaluation: engine.evaluation });
    return await finishRun(
      prisma,
      options.runId,
      'SUCCEEDED',
      engine.evaluation.errors.length > 0
        ? engine.evaluation.errors
            .map((error) => `${error.personId ?? ''}: ${error.message}`)
            .slice(0, 50)
            .join('\n')
        : null,
    );
  } catch (error) {
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

function chunks<T>(items: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}

async function writeEvaluation(options: {
  prisma: PrismaClient;
  viewer: Viewer;
  runId: string;
  cycle: Cycle;
  scenario: ScenarioInput;
  evaluation: EvaluationOutput;
}): Promise<void> {
  const { prisma, cycle, scenario, evaluation } = options;
  const unitOf = new Map(scenario.people.map((person) => [person.id, person.unitId]));
  await prisma.$transaction(
    async (tx) => {
      // only decisions with a written reason can survive a re-run
      const existing = await tx.evaluationResult.findMany({
        where: { cycleId: cycle.id, finalReason: { not: null } },
        select: { personId: true, finalRating: true, finalReason: true, decidedById: true, decidedAt: true },
      });
      const previous = new Map(existing.map((row) => [row.personId, row]));
      let kept = 0;
      const rows = [];
      for (const person of evaluation.people) {
        const before = previous.get(person.id);
        let final = person.rating;
        let reason: string | null = null;
        let decidedById: string | null = null;
        let decidedAt: string | null = null;
        if (before?.finalReason && before.finalRating !== person.rating) {
          const check = await checkRating({
            scenario,
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

      // results: upsert by (cycle, person) so ids survive re-runs; versions move only when a rating
      // does; a row the run leaves as it was is not rewritten (runId names the run that last changed
      // it), so re-running an unchanged cycle costs reads, not 100,000 row versions and their indexes
      for (const chunk of chunks(rows, chunkSize)) {
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
          cycle.id,
          options.runId,
          JSON.stringify(chunk),
        );
      }
      const evaluatedIds = JSON.stringify(rows.map((row) => row.person_id));
      await tx.$executeRawUnsafe(
        `DELETE FROM "EvaluationResult" WHERE "cycleId" = $1
           AND NOT ("personId" IN (SELECT jsonb_array_elements_text($2::jsonb)))`,
        cycle.id,
        evaluatedIds,
      );

      // unit results: nothing refers to them, so replace them
      await tx.unitResult.deleteMany({ where: { cycleId: cycle.id } });
      for (const chunk of chunks(evaluation.units, chunkSize)) {
        await tx.unitResult.createMany({
          data: chunk.map((unit) => ({
            cycleId: cycle.id,
            unitId: unit.id,
            excellentEligible: unit.excellentQuota.eligible,
            excellentAllowed: unit.excellentQuota.allowed,
            excellentGranted: unit.excellentQuota.granted,
            collectiveTitles: unit.collectiveTitles,
            blockRank: unit.blockRank,
          })),
        });
      }

      // flags: upsert by (cycle, person, kind) so a review already made is kept; vanished flags go
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
      for (const chunk of chunks(flags, chunkSize)) {
        await tx.$executeRawUnsafe(
          `INSERT INTO "Flag" ("id","cycleId","personId","kind","status","rule","reason")
           SELECT f.id, $1, f.person_id, f.kind::"FlagKind", f.status::"FlagStatus", f.rule, f.reason
           FROM jsonb_to_recordset($2::jsonb) AS f(id text, person_id text, kind text, status text, rule text, reason text)
           ON CONFLICT ("cycleId","personId","kind") DO UPDATE SET
             "status" = EXCLUDED."status", "rule" = EXCLUDED."rule", "reason" = EXCLUDED."reason"
           WHERE ("Flag"."status", "Flag"."rule", "Flag"."reason")
             IS DISTINCT FROM (EXCLUDED."status", EXCLUDED."rule", EXCLUDED."reason")`,
          cycle.id,
          JSON.stringify(chunk),
        );
      }
      await tx.$executeRawUnsafe(
        `DELETE FROM "Flag" WHERE "cycleId" = $1 AND NOT (("personId" || ':' || "kind"::text)
           IN (SELECT jsonb_array_elements_text($2::jsonb)))`,
        cycle.id,
        JSON.stringify(flags.map((flag) => `${flag.person_id}:${flag.kind}`)),
      );

      await tx.cycle.update({ where: { id: cycle.id }, data: { lastRunId: options.runId } });
      await writeAudit({
        tx,
        actor: options.viewer,
        action: 'writeEvaluation',
        entity: 'Cycle',
        entityId: cycle.id,
        after: {
          runId: options.runId,
          people: rows.length,
          units: evaluation.units.length,
          flags: flags.length,
          keptDecisions: kept,
          errors: evaluation.errors.length,
        },
      });
    },
    { timeout: 15 * 60_000, maxWait: 60_000 },
  );
}
