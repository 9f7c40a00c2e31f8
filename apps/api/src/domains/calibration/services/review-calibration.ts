import type { PrismaClient } from '@cadre/db';
import { CALIBRATION_FINDING_KINDS } from '@cadre/rules';
import { ConflictError, ForbiddenError, ValidationError } from '../../../errors.ts';
import type { UnitTreeCache } from '../../../scope/unit-tree.ts';
import { unitInScope, type Viewer } from '../../../scope/viewer.ts';
import { message } from '../../../validation.ts';
import { writeAudit } from '../../audit/services/write-audit.ts';
import { findVisibleCycle } from '../../cycles/cycle-access.ts';
import { type CalibrationReviewRow, calibrationReviewAction, readCalibration } from './read-calibration.ts';

export const calibrationNoteMaxLength = 2000;

/**
 * The council (a member of a council covering the cycle's agency) or the personnel office
 * (managing the cycle) records that it reviewed the calibration, during REVIEW. The record is an
 * entry of the hash-chained audit log with the findings counted as they stood.
 */
export async function reviewCalibration(options: {
  prisma: PrismaClient;
  viewer: Viewer;
  unitTrees: UnitTreeCache;
  cycleId: string;
  note?: string | null;
}): Promise<CalibrationReviewRow> {
  const { prisma, viewer } = options;
  const note = options.note?.trim() || null;
  if (note && note.length > calibrationNoteMaxLength) {
    throw new ValidationError([
      {
        field: 'note',
        message: message(
          `Ghi chú tối đa ${calibrationNoteMaxLength} ký tự`,
          `note: at most ${calibrationNoteMaxLength} characters`,
        ),
      },
    ]);
  }
  return prisma.$transaction(async (tx) => {
    const cycle = await findVisibleCycle(tx, viewer, options.cycleId);
    const allowed =
      viewer.role === 'COUNCIL_MEMBER'
        ? viewer.councilUnitIds.includes(cycle.scopeUnitId)
        : (viewer.role === 'OFFICER' || viewer.role === 'ADMIN') && unitInScope(viewer, cycle.scopeUnitId);
    if (!allowed) throw new ForbiddenError();
    if (cycle.status !== 'REVIEW') {
      throw new ConflictError(
        message(
          'Chỉ ghi nhận rà soát hiệu chỉnh khi kỳ ở bước Hội đồng xét (REVIEW)',
          'a calibration review is recorded during REVIEW only',
        ),
      );
    }
    const view = await readCalibration({
      prisma: tx,
      viewer,
      unitTrees: options.unitTrees,
      cycleId: cycle.id,
    });
    const findings = Object.fromEntries(
      CALIBRATION_FINDING_KINDS.map((kind) => [
        kind,
        view?.calibration.findings.filter((finding) => finding.kind === kind).length ?? 0,
      ]),
    );
    const at = new Date();
    await writeAudit({
      tx,
      actor: viewer,
      action: calibrationReviewAction,
      entity: 'Cycle',
      entityId: cycle.id,
      before: { status: cycle.status },
      after: {
        status: cycle.status,
        role: viewer.role,
        displayName: viewer.displayName,
        note,
        people: view?.calibration.overall.people ?? 0,
        findings,
      },
    });
    return { at, byName: viewer.displayName, role: viewer.role, note };
  });
}
