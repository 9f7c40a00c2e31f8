// Rules engine throughput: `npm run bench -- rules [--people N]` (default 100,000 people scored monthly,
// 48 tasks each: 4.8 M tasks). Targets: ≤ 5 s wall and ≤ 2.5 GB peak RSS.
import { createHash } from 'node:crypto';
import v8 from 'node:v8';
import vm from 'node:vm';
import { evaluateScenario, parseScenario } from '@cadre/rules';

// The heap is Node's default, as in the API process. (Setting --max-semi-space-size here, once the
// heap exists, has no effect: it is not set.) The clean heap at the start needs gc().
v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

const argIndex = process.argv.indexOf('--people');
const count =
  argIndex > 0 ? Number(process.argv[argIndex + 1]) : Number(process.env.RULES_BENCH_PEOPLE ?? 100_000);

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 20);

const raw = generateScenario(count);
const json = raw;
// start the clock on a clean heap: the generator's garbage is not the engine's
collectGarbage();
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

const cpu0 = process.cpuUsage();
const t0 = performance.now();
const parsed = parseScenario(json);
const t1 = performance.now();
if (!parsed.ok) {
  console.error(parsed.errors.slice(0, 5).join('\n'));
  process.exit(1);
}
const evaluation = evaluateScenario(parsed.scenario);
const t2 = performance.now();
const cpu = process.cpuUsage(cpu0);
peakRss = Math.max(peakRss, process.memoryUsage().rss);
clearInterval(sampler);

const ratings = new Map<string, number>();
for (const person of evaluation.people) ratings.set(person.rating, (ratings.get(person.rating) ?? 0) + 1);
console.log(
  `rules engine — ${count.toLocaleString('en')} people, ${json.tasks.length.toLocaleString('en')} tasks`,
);
console.log(`  validate  ${(t1 - t0).toFixed(0)} ms`);
console.log(`  evaluate  ${(t2 - t1).toFixed(0)} ms`);
console.log(
  `  total     ${(t2 - t0).toFixed(0)} ms  → ${Math.round(count / ((t2 - t0) / 1000)).toLocaleString('en')} people/s`,
);
console.log(
  `  CPU time  ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms (wall time above includes waiting for a busy machine)`,
);
console.log(`  wall time ${((t2 - t0) / 1000).toFixed(2)} s (target ≤ 5 s)`);
console.log(
  `  peak RSS  ${mb(peakRss)} MB (target ≤ 2,560 MB; heap used ${mb(process.memoryUsage().heapUsed)} MB)`,
);
console.log(`  ratings   ${[...ratings].map(([rating, n]) => `${rating} ${n}`).join(', ')}`);
// checksums, off the clock: the same input must give the same figures after any change to the engine
const scores = createHash('sha256');
for (const person of evaluation.people) scores.update(`${person.id}:${person.score}:${person.rating}\n`);
console.log(`  checksum  scores and ratings ${scores.digest('hex').slice(0, 16)}`);
if (process.env.RULES_BENCH_DIGEST === 'full') {
  // the whole evaluation as JSON (every trace sentence), one person at a time
  const t3 = performance.now();
  const full = createHash('sha256');
  for (const person of evaluation.people) full.update(JSON.stringify(person));
  full.update(JSON.stringify({ ...evaluation, people: [] }));
  console.log(
    `  checksum  full evaluation ${full.digest('hex').slice(0, 16)} (${((performance.now() - t3) / 1000).toFixed(1)} s)`,
  );
}

/**
 * A deterministic scenario of `people` people in units of 25, scored monthly: 48 tasks each (4 a
 * month), a head's assessment with a few months of its own, monthly vote rows for citizen-facing
 * staff (seeded PRNG).
 */
function generateScenario(people: number) {
  let seed = 20261231;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const unitCount = Math.ceil(people / 25);
  const units = Array.from({ length: unitCount }, (_, i) => ({
    id: `U${i}`,
    name: `Phòng ${i}`,
    parentId: null,
    block: `K${i % 40}`,
    parIndex: 70 + random() * 30,
    satisfactionIndex: 75 + random() * 25,
  }));
  // one string per date, as JSON.parse and the database driver give repeated dates
  const monthDates = Array.from({ length: 12 }, (_, n) => {
    const mm = String(n + 1).padStart(2, '0');
    return { due: `2026-${mm}-25`, late: `2026-${mm}-28`, early: `2026-${mm}-20` };
  });
  const scenarioPeople = [];
  const tasks = [];
  const dossiers = [];
  const citizenVotes = [];
  const discipline = [];
  for (let i = 0; i < people; i++) {
    const id = `P${i}`;
    const unit = Math.floor(i / 25);
    const facing = i % 3 === 0;
    scenarioPeople.push({
      id,
      name: `Nguyễn Văn ${i}`,
      unitId: `U${unit}`,
      category: pick(['CONG_CHUC', 'VIEN_CHUC', 'CAN_BO'] as const),
      leads: i % 25 === 0 ? `U${unit}` : null,
      hiredOn: random() < 0.02 ? '2026-09-01' : '2012-05-01',
      monthsAbsent: random() < 0.03 ? 4 : 0,
      maternityLeave: false,
      pregnantOrChildUnder36Months: random() < 0.05,
      retirementOn: '2040-01-01',
      pendingProceedings: false,
      sensitivePosition: random() < 0.2 ? { sector: 'FINANCE', since: '2021-03-01' } : null,
      citizenFacing: facing,
      dossierHandler: facing,
      conductAssessment: 7 + Math.floor(random() * 4),
      conductByPeriod: random() < 0.1 ? { '7': 6 } : undefined,
      quotaGroup: i % 50 < 10 ? `NHOM-${Math.floor(i / 500)}` : undefined,
      history: [{ year: 2025, rating: pick(['GOOD', 'EXCELLENT', 'COMPLETED'] as const), titles: ['LDTT'] }],
    });
    for (let t = 0; t < 48; t++) {
      const month = (t % 12) + 1;
      const dates = monthDates[month - 1] as { due: string; late: string; early: string };
      const late = random() < 0.1;
      tasks.push({
        id: `${id}-T${t}`,
        personId: id,
        weight: 1 + (t % 3),
        due: dates.due,
        completed: random() < 0.03 ? null : late ? dates.late : dates.early,
        planned: 10,
        actual: 8 + Math.floor(random() * 4),
        majorErrors: random() < 0.05 ? 1 : 0,
        delays: late ? 1 : 0,
        excused: false,
      });
    }
    if (facing) {
      dossiers.push({ personId: id, received: 300, early: 100, onTime: 190, late: 10, apologies: 2 });
      for (let month = 1; month <= 12; month++) {
        citizenVotes.push({ personId: id, period: month, verySatisfied: 8, satisfied: 3, dissatisfied: 1 });
      }
    }
    if (random() < 0.03) {
      discipline.push({
        personId: id,
        form: 'KHIEN_TRACH',
        decidedOn: '2026-05-12',
        actYear: 2026,
        concernsDuties: true,
        alreadyCountedInYear: null,
      });
    }
  }
  return {
    year: 2026,
    pack: 'vn-nd335-2025',
    periodKind: 'MONTH',
    overrides: {},
    units,
    people: scenarioPeople,
    tasks,
    dossiers,
    citizenVotes,
    discipline,
    infractions: [],
    initiatives: [],
    ballots: [],
  };
}
