// Rules engine throughput: `npm run bench -- rules [--people N]` (default 100,000 people, 12 tasks each).
import v8 from 'node:v8';
import vm from 'node:vm';
import { evaluateScenario, parseScenario } from '@cadre/rules';

// a young generation sized for millions of short-lived records (the API process uses the same)
v8.setFlagsFromString('--max-semi-space-size=32');
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
console.log(`  peak RSS  ${mb(peakRss)} MB (heap used ${mb(process.memoryUsage().heapUsed)} MB)`);
console.log(`  ratings   ${[...ratings].map(([rating, n]) => `${rating} ${n}`).join(', ')}`);

/** A deterministic scenario of `people` people in units of 25, 12 tasks each (seeded PRNG). */
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
      history: [{ year: 2025, rating: pick(['GOOD', 'EXCELLENT', 'COMPLETED'] as const), titles: ['LDTT'] }],
    });
    for (let t = 0; t < 12; t++) {
      const late = random() < 0.1;
      tasks.push({
        id: `${id}-T${t}`,
        personId: id,
        weight: 1 + (t % 3),
        due: '2026-06-30',
        completed: random() < 0.03 ? null : late ? '2026-07-15' : '2026-06-20',
        planned: 10,
        actual: 8 + Math.floor(random() * 4),
        majorErrors: random() < 0.05 ? 1 : 0,
        delays: late ? 1 : 0,
        excused: false,
      });
    }
    if (facing) {
      dossiers.push({ personId: id, received: 300, early: 100, onTime: 190, late: 10, apologies: 2 });
      citizenVotes.push({ personId: id, verySatisfied: 80, satisfied: 30, dissatisfied: 5 });
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
