import type { Prisma } from '@cadre/db';
import { ConflictError, ValidationError } from '../../errors.ts';

/**
 * Số định danh cá nhân (Nghị định 27/2026: the key of the national personnel database): 12
 * digits, of which the first three name a province of birth (001–096) and the fourth the century
 * and sex (0–9). Spaces and dots people type between groups are dropped. Empty means none.
 */
export function normalizePersonalId(value: string | null | undefined, field: string): string | null {
  if (value === null || value === undefined) return null;
  const digits = value.replace(/[\s.]/g, '');
  if (digits === '') return null;
  if (!/^\d{12}$/.test(digits)) {
    throw new ValidationError([
      {
        field,
        message: 'Số định danh cá nhân gồm đúng 12 chữ số / the personal identification number has 12 digits',
      },
    ]);
  }
  const province = Number(digits.slice(0, 3));
  if (province < 1 || province > 96) {
    throw new ValidationError([
      {
        field,
        message: 'Ba chữ số đầu phải là mã tỉnh nơi sinh (001–096) / the first three digits name a province',
      },
    ]);
  }
  return digits;
}

/** Refuses a number already held by another person (not found and out of scope stay alike: no name). */
export async function assertPersonalIdFree(
  tx: Prisma.TransactionClient,
  personalId: string | null,
  exceptPersonId?: string,
): Promise<void> {
  if (!personalId) return;
  const holder = await tx.person.findUnique({ where: { personalId }, select: { id: true } });
  if (holder && holder.id !== exceptPersonId) {
    throw new ConflictError(
      'Số định danh cá nhân đã được dùng cho hồ sơ khác / already used by another record',
    );
  }
}
