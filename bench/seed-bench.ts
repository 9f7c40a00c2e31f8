// `npm run bench -- seed`: how long the demo province (the one a first start loads) takes to seed,
// on a migrated in-memory PGlite database and on PostgreSQL when TEST_DATABASE_URL names a server.
// A figure, not a pass/fail: the seed's own tests check what it loads, not how fast.
import { seedDemo } from '@cadre/db';
import { createTestDatabase, testEngines } from '@cadre/db/testing';
import { type Figure, seconds } from './lib/report.ts';

export async function benchSeed({
  log,
}: {
  log: (line: string) => void;
}): Promise<{ figures: Figure[]; notes: string[] }> {
  const figures: Figure[] = [];
  const notes: string[] = [];
  for (const engine of testEngines()) {
    const db = await createTestDatabase({ engine });
    try {
      const started = performance.now();
      const summary = await seedDemo(db, { password: 'demo' });
      const wall = performance.now() - started;
      log(`  ${engine}: ${summary.people} people, ${summary.units} units seeded in ${seconds(wall)}`);
      figures.push({
        bench: 'seed',
        engine,
        measure: `demo province (${summary.people} people, ${summary.units} units, ${summary.users} accounts)`,
        value: seconds(wall),
        target: '< 10 s',
        met: wall < 10_000,
      });
    } finally {
      await db.close();
    }
  }
  if (!testEngines().includes('postgres'))
    notes.push('seed: PostgreSQL not measured (TEST_DATABASE_URL unset)');
  return { figures, notes };
}
