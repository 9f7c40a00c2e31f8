import type { EvaluationRun, PrismaClient } from '@cadre/db';
import type { Viewer } from '../../../scope/viewer.ts';
import { buildRunsWhere } from '../build-runs-where.ts';

/**
 * Yields a run each time its progress changes, until it finishes. It polls the database (once a
 * second) rather than an in-process event bus, so it works whichever replica runs the evaluation.
 */
export async function* watchEvaluationRun(options: {
  prisma: PrismaClient;
  viewer: Viewer;
  runId: string;
  intervalMs?: number;
  signal?: AbortSignal;
}): AsyncGenerator<EvaluationRun> {
  let last = '';
  for (;;) {
    if (options.signal?.aborted) return;
    const run = await options.prisma.evaluationRun.findFirst({
      where: { id: options.runId, AND: [buildRunsWhere({ viewer: options.viewer })] },
    });
    if (!run) return;
    const state = `${run.status}:${run.processed}:${run.total}`;
    if (state !== last) {
      last = state;
      yield run;
    }
    if (run.status !== 'RUNNING') return;
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 1000));
  }
}
