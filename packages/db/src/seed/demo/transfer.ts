// The person transferred on 1 July 2026: a civil servant of one agency moved to another, their
// first two quarters assigned and closed by the agency they left.
import type { PeoplePicker } from './pick-people.ts';
import type { PersonDraft, Staff, UnitNode, UnitTree } from './shared.ts';
import { transfer } from './shared.ts';

export type DemoTransfer = { transferred: PersonDraft; transferredFrom: UnitNode };

export function transferPerson(
  { unitNamed }: UnitTree,
  { drafts }: Staff,
  { reserved }: PeoplePicker,
): DemoTransfer {
  const transferred = drafts.find(
    (d) =>
      d.unit.spec.code === transfer.from &&
      d.role === 'staff' &&
      d.row.category === 'CONG_CHUC' &&
      !reserved.has(d),
  );
  if (!transferred) throw new Error('demo province too small for the transfer');
  reserved.add(transferred);
  const transferredFrom = transferred.unit;
  transferred.unit = unitNamed(transfer.to);
  transferred.row.unitId = transferred.unit.id;
  transferred.tier = 'normal';
  return { transferred, transferredFrom };
}
