import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { backgroundNice } from './background-priority.ts';
import { createThreadEvaluator } from './chunk-evaluator.ts';

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
  it('an evaluation thread runs below the requests: its nice value is raised, the main thread’s is not', async () => {
    const before = threadNiceValues().get(process.pid);
    const evaluator = createThreadEvaluator();
    try {
      let lowered: number[] = [];
      for (let tries = 0; tries < 100 && lowered.length === 0; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        lowered = [...threadNiceValues().values()].filter((nice) => nice === backgroundNice);
      }
      expect(lowered.length).toBeGreaterThan(0);
      expect(threadNiceValues().get(process.pid)).toBe(before);
    } finally {
      await evaluator.close();
    }
  });
});
