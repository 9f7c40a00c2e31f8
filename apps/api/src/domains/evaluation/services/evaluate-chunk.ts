// One chunk of an evaluation run from its scenario to the rows to write, with no database access:
// the part of a run that is CPU work. It runs in the evaluation worker thread (jobs/engine-thread.ts)
// or, where no thread is wanted (tests with a canned engine, the bench), in the calling thread.
import { storedTrace } from '@cadre/rules';
import { uuidv7 } from '../../../ids.ts';
import { standingsOf, type UnitStanding } from '../../../rules/block-ranks.ts';
import { runEngine } from '../../../rules/engine.ts';
import type { RatingValue, ScenarioInput } from '../../../rules/scenario.ts';

/** Rows per write statement (one JSON parameter each). */
export const writeBatchSize = 2000;

/** A final rating someone decided with a written reason, which a re-run keeps while it stays legal. */
export type PreviousDecision = {
  personId: string;
  finalRating: RatingValue;
  finalReason: string;
  decidedById: string | null;
  /** ISO time */
  decidedAt: string | null;
};

export type UnitRow = {
  unitId: string;
  excellentEligible: number;
  excellentAllowed: number;
  excellentGranted: number;
  collectiveTitles: string[];
};

export type ChunkInput = {
  scenario: ScenarioInput;
  /** the chunk's own units (the scenario may name others: units its leaders lead) */
  unitIds: string[];
  /** the previous decisions of the chunk's people */
  decisions: PreviousDecision[];
};

/**
 * What one chunk writes. Results and flags come as the JSON text of the write statements' batches:
 * text crosses from the thread as one copy, and the calling thread makes no object per row.
 */
export type ChunkOutput =
  | {
      ok: true;
      resultBatches: string[];
      flagBatches: string[];
      people: number;
      evaluatedIds: string[];
      flagKeys: string[];
      unitRows: UnitRow[];
      standings: UnitStanding[];
      /** the engine's per-person errors: [personId, message] */
      errors: [string, string][];
      /** previous decisions kept */
      kept: number;
    }
  | { ok: false; errors: string[] };

export type ResultRow = {
  id: string;
  person_id: string;
  unit_id: string | null;
  score: number | null;
  components: unknown;
  /** the periods the person was scored in: [{ period, score, components }] */
  periods: unknown;
  proposed: string;
  engine: string;
  final: string;
  reason: string | null;
  decided_by: string | null;
  decided_at: string | null;
  titles: string[];
  trace: unknown;
  /** periods awaiting the head's assessment (the person is then not scored) */
  awaiting: number[];
  /** the engine's ceiling and title eligibility (what a decision or proposal may ask) */
  ceiling: unknown;
  eligibility: unknown;
};

export type FlagRow = {
  id: string;
  person_id: string;
  kind: string;
  status: string;
  rule: string;
  reason: string;
};

function batchesAsJson<T>(items: T[]): string[] {
  const result: string[] = [];
  for (let start = 0; start < items.length; start += writeBatchSize) {
    result.push(JSON.stringify(items.slice(start, start + writeBatchSize)));
  }
  return result;
}

/**
 * Evaluates one chunk into the rows to write; everything else it made is garbage when it returns.
 * The previous decisions go into the engine with the evidence (in the order they were taken): the
 * engine keeps each while it stays legal (hard rules, reason, the excellent quota of its group over
 * the final ratings) and grants titles from the final rating.
 */
export async function evaluateChunk(input: ChunkInput): Promise<ChunkOutput> {
  const previous = new Map(input.decisions.map((decision) => [decision.personId, decision]));
  const finalRatings = [...input.decisions]
    .sort(
      (a, b) => (a.decidedAt ?? '').localeCompare(b.decidedAt ?? '') || a.personId.localeCompare(b.personId),
    )
    .map((decision) => ({
      personId: decision.personId,
      rating: decision.finalRating,
      reason: decision.finalReason,
    }));
  const engine = await runEngine(
    finalRatings.length > 0 ? { ...input.scenario, finalRatings } : input.scenario,
  );
  if (!engine.ok) return { ok: false, errors: engine.errors };
  const { evaluation } = engine;

  const unitOf = new Map(engine.scenario.people.map((person) => [person.id, person.unitId]));
  const rows: ResultRow[] = [];
  const evaluatedIds: string[] = [];
  let kept = 0;
  for (const person of evaluation.people) {
    const before = previous.get(person.id);
    const applied =
      before !== undefined && person.decision?.applied === true && person.rating !== person.engineRating;
    if (applied) kept += 1;
    evaluatedIds.push(person.id);
    rows.push({
      id: uuidv7(),
      person_id: person.id,
      unit_id: unitOf.get(person.id) ?? null,
      score: person.score,
      components: person.components,
      periods: person.periods ?? null,
      proposed: person.proposedRating,
      engine: person.engineRating,
      final: person.rating,
      reason: applied ? before.finalReason : null,
      decided_by: applied ? before.decidedById : null,
      decided_at: applied ? before.decidedAt : null,
      titles: person.titles,
      // compact ([rule, effect, ...params]): the text is written when read (renderStoredTrace)
      trace: storedTrace(person.trace),
      awaiting: person.awaitingAssessment ?? [],
      ceiling: person.ratingCeiling,
      eligibility: person.titleEligibility,
    });
  }
  const errors: [string, string][] = [];
  for (const error of evaluation.errors) {
    if (error.personId) errors.push([error.personId, error.message]);
  }
  const ownUnits = new Set(input.unitIds);
  const unitRows: UnitRow[] = [];
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
  const flags: FlagRow[] = evaluation.people.flatMap((person) =>
    person.flags.map((flag) => ({
      id: uuidv7(),
      person_id: person.id,
      kind: flag.kind,
      status: flag.status,
      rule: flag.rule,
      reason: flag.reason,
    })),
  );
  return {
    ok: true,
    resultBatches: batchesAsJson(rows),
    flagBatches: batchesAsJson(flags),
    people: evaluation.people.length,
    evaluatedIds,
    flagKeys: flags.map((flag) => `${flag.person_id}:${flag.kind}`),
    unitRows,
    standings: standingsOf(engine.scenario, evaluation, ownUnits),
    errors,
    kept,
  };
}
