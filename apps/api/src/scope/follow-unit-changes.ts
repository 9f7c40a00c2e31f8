// Keeps a process's unit tree in step with units changed by any process: the database's change
// notifications (the read cache's channel) name the Unit table on every committed change, and the
// tree is read again at its next use. Without this a replica or worker would use a tree up to its
// 30-second lifetime old: the scopes of a moved unit, or a run started just after a unit was added.
import type { Database } from '@cadre/db';
import { changeChannel } from '../read-cache.ts';
import type { UnitTreeCache } from './unit-tree.ts';

export function followUnitChanges(
  db: Pick<Database, 'listen'>,
  unitTrees: UnitTreeCache,
): Promise<() => Promise<void>> {
  return db.listen(changeChannel, {
    onMessage(what) {
      if (what === 'Unit' || what === '*') unitTrees.invalidate();
    },
    // messages may have been missed while not listening
    onState: () => unitTrees.invalidate(),
  });
}
