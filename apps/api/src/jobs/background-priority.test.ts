import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readTableInWorker } from '../imports/read-table-in-worker.ts';
import { backgroundNice } from './background-priority.ts';

/** The nice value of each thread of this process (Linux: /proc/self/task/<tid>/stat, field 19). */
function threadNiceValues(): Map<number, number> {
  const values = new Map<number, number>();
  for (const tid of readdirSync('/proc/self/task')) {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    values.set(Number(tid), Number(fields[16]));
  }
  return values;
}

describe.runIf(process.platform === 'linux')('background threads', () => {
  it('the upload parser runs below the requests: its nice value is raised, the main thread’s is not', async () => {
    const before = threadNiceValues().get(process.pid);
    const csv = ['Mã cán bộ,Họ tên', ...Array.from({ length: 50 }, (_, i) => `CB${i},Người ${i}`)].join('\n');
    const batches = readTableInWorker({ content: Buffer.from(csv), format: 'csv', batchSize: 10 });
    try {
      // the worker is alive, waiting to be asked for the next batch
      expect((await batches.next()).done).toBe(false);
      const lowered = [...threadNiceValues().values()].filter((nice) => nice === backgroundNice);
      expect(lowered.length).toBeGreaterThan(0);
      expect(threadNiceValues().get(process.pid)).toBe(before);
    } finally {
      await batches.return(undefined);
    }
  });
});
