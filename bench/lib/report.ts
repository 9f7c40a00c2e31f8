// Figures as a table on stdout and appended, with the machine they were measured on, to
// bench/RESULTS.md.
import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchDir } from './bench-database.ts';

export type Figure = {
  bench: string;
  engine: string;
  measure: string;
  value: string;
  /** the target and whether it is met, when there is one */
  target?: string;
  met?: boolean | null;
};

export function machineDescription(when = 'now'): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const memory = `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`;
  // the load average says how much the machine was shared while measuring (other developers' tests)
  const load = os
    .loadavg()
    .map((value) => value.toFixed(1))
    .join(' / ');
  return `${os.availableParallelism()} cores (${cpu}), ${memory} RAM, Node ${process.version}, ${os.platform()} ${os.release()}, load average ${load} (1/5/15 min) ${when}`;
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
export const megabytes = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(0)} MB`;

function verdict(figure: Figure): string {
  if (!figure.target) return '';
  if (figure.met === null || figure.met === undefined) return `${figure.target} (not measured)`;
  return `${figure.target} ${figure.met ? 'met' : 'NOT met'}`;
}

export function renderTable(figures: readonly Figure[]): string {
  const header = ['bench', 'engine', 'measure', 'value', 'target'];
  const rows = figures.map((figure) => [
    figure.bench,
    figure.engine,
    figure.measure,
    figure.value,
    verdict(figure),
  ]);
  const widths = header.map((title, index) =>
    Math.max(title.length, ...rows.map((row) => (row[index] ?? '').length)),
  );
  const line = (cells: string[]) => cells.map((cell, index) => cell.padEnd(widths[index] ?? 0)).join('  ');
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

function markdownTable(figures: readonly Figure[]): string {
  const cell = (text: string) => text.replaceAll('|', '\\|');
  return [
    '| bench | engine | measure | value | target |',
    '|---|---|---|---|---|',
    ...figures.map(
      (figure) =>
        `| ${cell(figure.bench)} | ${cell(figure.engine)} | ${cell(figure.measure)} | ${cell(figure.value)} | ${cell(verdict(figure))} |`,
    ),
  ].join('\n');
}

export function recordResults(options: {
  title: string;
  figures: readonly Figure[];
  notes: readonly string[];
}): string {
  const file = path.join(benchDir, 'RESULTS.md');
  if (!existsSync(file)) {
    writeFileSync(
      file,
      '# Benchmark results\n\nAppended by `npm run bench` (newest last). Figures, not pass/fail: read them with the machine they were measured on.\n',
    );
  }
  const when = new Date().toISOString().replace('T', ' ').slice(0, 16);
  const section = [
    '',
    `## ${when} UTC — ${options.title}`,
    '',
    `Machine: ${machineDescription('at the end of the run')}.`,
    '',
    markdownTable(options.figures),
    ...(options.notes.length > 0 ? ['', ...options.notes.map((note) => `- ${note}`)] : []),
    '',
  ].join('\n');
  appendFileSync(file, section);
  return file;
}
