import type { PrismaClient, Product } from '@cadre/db';
import { z } from 'zod';
import { ConflictError, NotFoundError, ValidationError } from '../../../errors.ts';
import type { Viewer } from '../../../scope/viewer.ts';
import { zodIssuesToFields } from '../../../validation.ts';
import { writeAudit } from '../../audit/services/write-audit.ts';
import { assertManages, findVisibleCycle } from '../../cycles/cycle-access.ts';

export const productSchema = z.object({
  code: z
    .string()
    .trim()
    .min(1, 'code: không được để trống / must not be empty')
    .max(40, 'code: tối đa 40 ký tự / at most 40 characters'),
  name: z.string().trim().min(1, 'name: không được để trống / must not be empty').max(300),
  unitOfCount: z
    .string()
    .trim()
    .min(1, 'unitOfCount: cần đơn vị tính / the unit of count is required')
    .max(40),
  coefficient: z
    .number({ error: 'coefficient: cần một số / must be a number' })
    .gt(0, 'coefficient: hệ số quy đổi phải lớn hơn 0 / must be > 0')
    .max(1000, 'coefficient: tối đa 1000 / at most 1000'),
  active: z.boolean().default(true),
});

export type ProductInput = z.input<typeof productSchema>;

/**
 * A personnel officer adds or changes a product of a job position's catalogue for a cycle (the
 * catalogue is set locally and versioned by cycle). A product in use is deactivated, never deleted.
 */
export async function saveProduct(options: {
  prisma: PrismaClient;
  viewer: Viewer;
  cycleId: string;
  jobPositionId: string;
  productId?: string | null;
  version?: number | null;
  input: ProductInput;
}): Promise<Product> {
  const { prisma, viewer } = options;
  const parsed = productSchema.safeParse(options.input);
  if (!parsed.success) {
    throw new ValidationError(
      zodIssuesToFields(parsed.error).map((issue) => ({ ...issue, field: `input.${issue.field}` })),
    );
  }
  const data = parsed.data;
  return prisma.$transaction(async (tx) => {
    const cycle = await findVisibleCycle(tx, viewer, options.cycleId);
    assertManages(viewer, cycle);
    const position = await tx.jobPosition.findUnique({ where: { id: options.jobPositionId } });
    if (!position) throw new NotFoundError('vị trí việc làm / job position');
    const clash = await tx.product.findFirst({
      where: {
        cycleId: cycle.id,
        jobPositionId: position.id,
        code: data.code,
        ...(options.productId ? { id: { not: options.productId } } : {}),
      },
      select: { id: true },
    });
    if (clash) throw new ConflictError(`Mã sản phẩm "${data.code}" đã có / product code already used`);
    if (options.productId) {
      const before = await tx.product.findFirst({ where: { id: options.productId, cycleId: cycle.id } });
      if (!before) throw new NotFoundError('sản phẩm / product');
      if (options.version !== undefined && options.version !== null && options.version !== before.version) {
        throw new ConflictError('Sản phẩm đã được người khác sửa / changed by someone else', before.version);
      }
      const saved = await tx.product.update({
        where: { id: before.id },
        data: { ...data, version: { increment: 1 } },
      });
      await writeAudit({
        tx,
        actor: viewer,
        action: 'saveProduct',
        entity: 'Product',
        entityId: saved.id,
        before,
        after: saved,
      });
      return saved;
    }
    const saved = await tx.product.create({
      data: { ...data, cycleId: cycle.id, jobPositionId: position.id },
    });
    await writeAudit({
      tx,
      actor: viewer,
      action: 'saveProduct',
      entity: 'Product',
      entityId: saved.id,
      after: saved,
    });
    return saved;
  });
}
