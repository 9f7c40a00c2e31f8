// Background work yields the CPU to requests. On Linux a nice value is per thread (setpriority on
// the calling thread's id, which is what os.setPriority() with no pid does), so a worker thread
// that lowers its own priority leaves the API's main thread at its own: a user's request is served
// first and the run, import or export takes the cores that are left. Elsewhere the call would
// lower the whole process, so it is made on Linux only.
import { setPriority } from 'node:os';

/** The nice value of background threads: below every request, above nothing else. */
export const backgroundNice = 10;

/** Lowers the calling worker thread's priority; a refusal (an unusual kernel policy) is ignored. */
export function lowerThreadPriority(): void {
  if (process.platform !== 'linux') return;
  try {
    setPriority(backgroundNice);
  } catch {
    // the work goes on at normal priority
  }
}
