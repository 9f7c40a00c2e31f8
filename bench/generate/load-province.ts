// Streams a generated province into a migrated database with COPY, chunk by chunk, timing the
// generation and the loading of each table apart.
import { hash } from '@node-rs/argon2';
import type { BulkCopier } from './bulk-copy.ts';
import { csvLine } from './csv.ts';
import {
  benchAdmin,
  buildProvince,
  type Province,
  type ProvinceOptions,
  provinceTables,
} from './province.ts';

export type TableLoad = { table: string; rows: number; generateMs: number; loadMs: number };

export type LoadSummary = {
  province: Province;
  tables: TableLoad[];
  skeletonMs: number;
  analyzeMs: number;
  totalMs: number;
  rows: number;
};

export type LoadOptions = ProvinceOptions & {
  copier: BulkCopier;
  /** rows per COPY (default 50,000) */
  chunkRows?: number;
  log?: (line: string) => void;
};

export async function loadProvince(options: LoadOptions): Promise<LoadSummary> {
  const started = performance.now();
  const chunkRows = options.chunkRows ?? 50_000;
  const province = buildProvince(options);
  const passwordHash = await hash(benchAdmin.password);
  const skeletonMs = performance.now() - started;
  const tables: TableLoad[] = [];
  for (const spec of provinceTables(province, { passwordHash })) {
    let generateMs = 0;
    let loadMs = 0;
    let rows = 0;
    let pending = 0;
    let csv = '';
    let mark = performance.now();
    const flush = async () => {
      if (pending === 0) return;
      generateMs += performance.now() - mark;
      const copyStart = performance.now();
      await options.copier.copy(spec.table, spec.columns, csv);
      loadMs += performance.now() - copyStart;
      csv = '';
      pending = 0;
      mark = performance.now();
    };
    for (const row of spec.rows()) {
      csv += csvLine(row);
      pending += 1;
      rows += 1;
      if (pending >= chunkRows) await flush();
    }
    await flush();
    generateMs += performance.now() - mark;
    tables.push({ table: spec.table, rows, generateMs, loadMs });
    options.log?.(
      `  ${spec.table.padEnd(20)} ${String(rows).padStart(9)} rows  generate ${ms(generateMs)}  load ${ms(loadMs)}`,
    );
  }
  const analyzeStart = performance.now();
  await options.copier.exec('ANALYZE');
  const analyzeMs = performance.now() - analyzeStart;
  options.log?.(`  ANALYZE ${ms(analyzeMs)}`);
  return {
    province,
    tables,
    skeletonMs,
    analyzeMs,
    totalMs: performance.now() - started,
    rows: tables.reduce((sum, table) => sum + table.rows, 0),
  };
}

function ms(value: number): string {
  return `${(value / 1000).toFixed(2).padStart(7)} s`;
}
