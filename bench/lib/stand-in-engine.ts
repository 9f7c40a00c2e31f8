// A stand-in for @cadre/rules, loaded ONLY when that package has no entry point yet, so the
// evaluation run's reads and writes can be measured before the real engine lands. It does the
// same kind of work in memory (one pass over people and tasks, task scores, components, bands,
// quotas per unit, flags, traces of realistic size) but it is not the law: every figure measured
// with it is labelled "stand-in engine" and the real engine must be measured again.

type Rating = 'EXCELLENT' | 'GOOD' | 'COMPLETED' | 'NOT_COMPLETED' | 'NOT_RATED';
type Trace = { rule: string; citation: string; effect: string; detail: string };
type Task = {
  personId: string;
  weight: number;
  due: string;
  completed: string | null;
  planned: number;
  actual: number;
  majorErrors: number;
  delays: number;
  excused: boolean;
};
type Person = {
  id: string;
  unitId: string;
  hiredOn: string;
  monthsAbsent: number;
  citizenFacing: boolean;
  dossierHandler: boolean;
  conductAssessment: number;
  sensitivePosition: { sector: string; since: string } | null;
  history: { year: number; rating: Rating }[];
};
type PersonResult = {
  id: string;
  score: number | null;
  components: { tasks: number; conduct: number; reform: number; citizens: number } | null;
  proposedRating: Rating;
  rating: Rating;
  titles: string[];
  flags: { kind: string; status: string; rule: string; reason: string }[];
  trace: Trace[];
};
type Scenario = {
  year: number;
  pack: string;
  units: { id: string; block?: string | null }[];
  people: Person[];
  tasks: Task[];
  dossiers: { personId: string; early: number; onTime: number; late: number; apologies: number }[];
  citizenVotes: { personId: string; verySatisfied: number; satisfied: number; dissatisfied: number }[];
  discipline: { personId: string; form: string; decidedOn: string }[];
  infractions: { personId: string }[];
};

export const isStandIn = true;

export function parseScenario(
  input: unknown,
): { ok: true; scenario: Scenario } | { ok: false; errors: string[] } {
  if (!input || typeof input !== 'object' || !Array.isArray((input as Scenario).people)) {
    return { ok: false, errors: ['people: missing'] };
  }
  return { ok: true, scenario: input as Scenario };
}

function group<T extends { personId: string }>(rows: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(row.personId);
    if (list) list.push(row);
    else map.set(row.personId, [row]);
  }
  return map;
}

const band = (score: number): Rating =>
  score >= 90 ? 'EXCELLENT' : score >= 70 ? 'GOOD' : score >= 50 ? 'COMPLETED' : 'NOT_COMPLETED';
const clamp = (value: number) => Math.max(0, Math.min(10, value));
const round1 = (value: number) => Math.round(value * 10) / 10;

export function evaluateScenario(scenario: Scenario) {
  const tasksBy = group(scenario.tasks);
  const dossierBy = new Map(scenario.dossiers.map((row) => [row.personId, row]));
  const votesBy = new Map(scenario.citizenVotes.map((row) => [row.personId, row]));
  const disciplineBy = group(scenario.discipline);
  const infractionsBy = group(scenario.infractions);
  const yearStart = `${scenario.year}-01-01`;
  const midYear = `${scenario.year}-07-01`;
  const errors: { personId: string; message: string }[] = [];

  const people = scenario.people.map((person): PersonResult => {
    const trace: Trace[] = [];
    const tasks = tasksBy.get(person.id) ?? [];
    if (tasks.length === 0 || person.hiredOn > midYear) {
      if (tasks.length === 0) errors.push({ personId: person.id, message: 'no tasks recorded: not scored' });
      trace.push({
        rule: 'stand-in.not-rated',
        citation: 'stand-in',
        effect: 'NOT_RATED',
        detail: 'no tasks or hired late',
      });
      return {
        id: person.id,
        score: null,
        components: null,
        proposedRating: 'NOT_RATED' as Rating,
        rating: 'NOT_RATED' as Rating,
        titles: [],
        flags: [],
        trace,
      };
    }
    let weighted = 0;
    let weights = 0;
    for (const task of tasks) {
      const quantity = task.planned > 0 ? Math.min(task.actual / task.planned, 1) : 1;
      const quality = task.excused ? 1 : Math.max(0, 1 - 0.25 * task.majorErrors);
      const late = task.completed !== null && task.completed > task.due;
      const timeliness =
        task.completed === null
          ? 0
          : task.excused || !late
            ? 1
            : Math.max(0, 1 - 0.25 * Math.max(1, task.delays));
      weighted += task.weight * ((quantity * (quality + timeliness)) / 2);
      weights += task.weight;
    }
    const taskPoints = round1((70 * weighted) / (weights || 1));
    trace.push({
      rule: 'nd335.tasks',
      citation: 'Nghị định 335/2025/NĐ-CP',
      effect: String(taskPoints),
      detail: `${tasks.length} nhiệm vụ`,
    });
    const conduct = clamp(person.conductAssessment - 2 * (infractionsBy.get(person.id)?.length ?? 0));
    trace.push({
      rule: 'general.conduct',
      citation: 'local',
      effect: String(conduct),
      detail: 'A − 2 × vi phạm',
    });
    const dossier = dossierBy.get(person.id);
    const processed = dossier ? dossier.early + dossier.onTime + dossier.late : 0;
    const reform =
      person.dossierHandler && dossier && processed > 0
        ? clamp((10 * (dossier.early + dossier.onTime)) / processed - dossier.apologies)
        : person.conductAssessment;
    trace.push({
      rule: 'general.reform',
      citation: 'local',
      effect: String(round1(reform)),
      detail: dossier ? 'hồ sơ' : 'A',
    });
    const votes = votesBy.get(person.id);
    const all = votes ? votes.verySatisfied + votes.satisfied + votes.dissatisfied : 0;
    const share = votes && all > 0 ? (votes.verySatisfied + votes.satisfied) / all : null;
    const citizens =
      person.citizenFacing && share !== null && all >= 20 ? 10 * share : person.conductAssessment;
    trace.push({
      rule: 'general.citizens',
      citation: 'local',
      effect: String(round1(citizens)),
      detail: `${all} phiếu`,
    });
    const score = round1(taskPoints + conduct + reform + citizens);
    const proposed = band(score);
    trace.push({
      rule: 'nd335.band',
      citation: 'Nghị định 335/2025/NĐ-CP',
      effect: proposed,
      detail: `${score}`,
    });
    let rating = proposed;
    if ((disciplineBy.get(person.id) ?? []).some((row) => row.decidedOn >= yearStart)) {
      rating = 'NOT_COMPLETED';
      trace.push({
        rule: 'hard.discipline',
        citation: 'Nghị định 48/2023/NĐ-CP',
        effect: rating,
        detail: 'kỷ luật trong năm',
      });
    } else if (person.monthsAbsent >= 3 && (rating === 'EXCELLENT' || rating === 'GOOD')) {
      rating = 'COMPLETED';
      trace.push({
        rule: 'hard.absence',
        citation: 'Nghị định 90/2020/NĐ-CP',
        effect: rating,
        detail: `${person.monthsAbsent} tháng`,
      });
    }
    const flags: PersonResult['flags'] = [];
    const lastYear = person.history.find((row) => row.year === scenario.year - 1)?.rating;
    if (rating === 'NOT_COMPLETED' || lastYear === 'NOT_COMPLETED') {
      flags.push({
        kind: 'STREAMLINING',
        status: 'ACTIVE',
        rule: 'nd154.streamlining',
        reason: 'Không hoàn thành nhiệm vụ',
      });
    }
    if (person.sensitivePosition && person.sensitivePosition.since <= `${scenario.year - 3}-12-31`) {
      flags.push({
        kind: 'ROTATION',
        status: 'ACTIVE',
        rule: 'rotation.period',
        reason: `Vị trí nhạy cảm (${person.sensitivePosition.sector})`,
      });
    }
    return {
      id: person.id,
      score,
      components: { tasks: taskPoints, conduct, reform: round1(reform), citizens: round1(citizens) },
      proposedRating: proposed,
      rating,
      titles: [] as string[],
      flags,
      trace,
    };
  });

  // excellent quota per unit: floor(20% × good or better), highest scores keep it
  const byUnit = new Map<string, PersonResult[]>();
  const unitOf = new Map(scenario.people.map((person) => [person.id, person.unitId]));
  for (const result of people) {
    const unitId = unitOf.get(result.id) as string;
    const list = byUnit.get(unitId);
    if (list) list.push(result);
    else byUnit.set(unitId, [result]);
  }
  const units = scenario.units.map((unit) => {
    const members = byUnit.get(unit.id) ?? [];
    const eligible = members.filter((m) => m.rating === 'EXCELLENT' || m.rating === 'GOOD').length;
    const allowed = Math.floor(0.2 * eligible);
    const excellent = members
      .filter((m) => m.rating === 'EXCELLENT')
      .sort((a, b) => (b.score ?? 0) - (a.score ?? 0));
    for (const over of excellent.slice(allowed)) {
      over.rating = 'GOOD';
      over.trace.push({
        rule: 'hard.quota',
        citation: 'Nghị định 335/2025/NĐ-CP',
        effect: 'GOOD',
        detail: `hạn mức ${allowed}`,
      });
    }
    for (const member of members) {
      if (member.rating === 'EXCELLENT' || member.rating === 'GOOD') member.titles.push('LDTT');
    }
    return {
      id: unit.id,
      excellentQuota: { eligible, allowed, granted: Math.min(allowed, excellent.length) },
      collectiveTitles: [] as string[],
      blockRank: null,
    };
  });
  return { year: scenario.year, pack: scenario.pack, people, units, errors };
}

export function checkFinalRating(): { ok: true } {
  return { ok: true };
}
