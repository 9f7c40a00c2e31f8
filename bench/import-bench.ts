// (b) Importing a people workbook through the API's import service (validation, references,
// duplicates, one transaction), timed end to end; the imported people are removed afterwards so a
// reused bench database keeps its province.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { BenchOutcome } from './eval-bench.ts';
import { importCodePrefix, writePeopleWorkbook } from './generate/people-workbook.ts';
import {
  benchViewer,
  type ImportEvidenceModule,
  loadApiModule,
  type UnitTreeModule,
} from './lib/api-modules.ts';
import { type BenchDatabase, outDir } from './lib/bench-database.ts';
import { measureCopyFloor } from './lib/copy-floor.ts';
import { megabytes, seconds } from './lib/report.ts';
import { readRss, startRssSampler } from './lib/rss.ts';

export async function benchImport(options: {
  bench: BenchDatabase;
  rows: number;
  log: (line: string) => void;
}): Promise<BenchOutcome> {
  const { bench, log, rows } = options;
  const engine = bench.engine;
  const figures: BenchOutcome['figures'] = [];
  const notes: string[] = [];
  mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `people-${rows}-${bench.province.seed}.xlsx`);
  const writeStart = performance.now();
  const written = await writePeopleWorkbook({ province: bench.province, rows, file });
  log(
    `  workbook: ${rows} rows, ${megabytes(written.bytes)} written in ${seconds(performance.now() - writeStart)}`,
  );

  const service = await loadApiModule<ImportEvidenceModule>('domains/evidence/services/import-evidence.ts');
  const treeModule = await loadApiModule<UnitTreeModule>('scope/unit-tree.ts');
  if (!('module' in service) || !('module' in treeModule)) {
    notes.push(
      `import (${engine}): ${'missing' in service ? service.missing : ''} ${'missing' in treeModule ? treeModule.missing : ''}`.trim(),
    );
    return { figures, notes };
  }
  const db = await bench.open();
  try {
    await db.sql.query(`DELETE FROM "Person" WHERE code LIKE '${importCodePrefix}%'`);
    const unitTrees = treeModule.module.createUnitTreeCache({ prisma: db.prisma });
    const content = readFileSync(file);
    // what the process held before (the bench's own modules, the workbook writer's leftovers)
    const before = readRss(process.pid)?.rss ?? 0;
    const rss = startRssSampler(process.pid);
    const started = performance.now();
    const outcome = await service.module.importEvidence({
      prisma: db.prisma,
      viewer: benchViewer(bench.province.adminUserId),
      unitTrees,
      kind: 'PEOPLE',
      cycleId: null,
      fileName: path.basename(file),
      content,
    });
    const ms = performance.now() - started;
    const memory = rss.stop();
    const { batch } = outcome;
    log(
      `  import: ${batch.status} in ${seconds(ms)} — ${batch.validRows}/${batch.totalRows} rows, ${batch.errorCount} errors; bench process RSS peak ${megabytes(memory.peakRss)} (${megabytes(before)} before the import)`,
    );
    if (batch.status !== 'APPLIED') {
      notes.push(
        `import (${engine}): ${batch.status}, first errors: ${outcome.errors
          .slice(0, 3)
          .map((error) => `row ${error.row} ${error.field}: ${error.message}`)
          .join(' / ')}`,
      );
    }
    const atScale = rows >= 100_000;
    figures.push({
      bench: 'import',
      engine,
      measure: `people workbook, ${rows.toLocaleString('en')} rows (${megabytes(written.bytes)}), validate + write`,
      value: `${batch.status === 'APPLIED' ? '' : `${batch.status} after `}${seconds(ms)} (${Math.round(rows / (ms / 1000)).toLocaleString('en')} rows/s)`,
      ...(atScale
        ? { target: '≤ 10 s at 100,000 rows', met: batch.status === 'APPLIED' && ms <= 10_000 }
        : {}),
    });
    figures.push({
      bench: 'import',
      engine,
      measure: 'peak RSS of the importing process',
      value: `${megabytes(memory.peakRss)} (${megabytes(before)} before the import, +${megabytes(memory.peakRss - before)})`,
      ...(atScale ? { target: '≤ 600 MB', met: memory.peakRss <= 600 * 1024 * 1024 } : {}),
    });
    const databaseUrl = bench.serverEnv.DATABASE_URL;
    if (batch.status === 'APPLIED' && databaseUrl) {
      // the floor of the write: the same rows COPYed into the same table (its indexes included)
      const floor = await measureCopyFloor({
        databaseUrl,
        table: 'Person',
        select: `SELECT * FROM "Person" WHERE code LIKE '${importCodePrefix}%'`,
        remove: `DELETE FROM "Person" WHERE code LIKE '${importCodePrefix}%'`,
      });
      log(
        `  COPY floor: ${floor.rows} rows out in ${seconds(floor.readMs)}, back in in ${seconds(floor.writeMs)} (${megabytes(floor.bytes)} binary)`,
      );
      figures.push({
        bench: 'import',
        engine,
        measure: 'true floor: COPY FROM STDIN (binary) of the rows the import wrote, into Person',
        value: `${seconds(floor.writeMs)} (${floor.rows.toLocaleString('en')} rows); the import is ${(ms / floor.writeMs).toFixed(1)}× it`,
      });
    }
    await db.sql.query(`DELETE FROM "Person" WHERE code LIKE '${importCodePrefix}%'`);
  } finally {
    await db.close();
  }
  return { figures, notes };
}
