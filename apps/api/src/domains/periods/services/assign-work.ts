import type { PrismaClient, Task } from '@cadre/db';
import { ForbiddenError, NotFoundError, ValidationError } from '../../../errors.ts';
import { uuidv7 } from '../../../ids.ts';
import type { Viewer } from '../../../scope/viewer.ts';
import { writeAudit } from '../../audit/services/write-audit.ts';
import { buildPeopleWhere } from '../../people/build-people-where.ts';
import { periodRange } from '../period-calendar.ts';
import { findTrackedUnit } from './find-tracked-unit.ts';

/**
 * A head assigns work to one of their people for a period: a product of the catalogue × a quantity
 * (its converted weight is quantity × the product's coefficient), or a free task with the weight
 * it is given. The work is due at the period's end unless a due date inside the period is given.
 * A closed period takes no new work except as a correction with a reason.
 */
export async function assignWork(options: {
  prisma: PrismaClient;
  viewer: Viewer;
  cycleId: string;
  personId: string;
  period: number;
  productId?: string | null;
  title?: string | null;
  quantity: number;
  weight?: number | null;
  dueOn?: Date | null;
  reason?: string | null;
}): Promise<Task> {
  const { prisma, viewer } = options;
  if (!['ADMIN', 'OFFICER', 'UNIT_HEAD'].includes(viewer.role)) throw new ForbiddenError();
  if (!(options.quantity > 0)) {
    throw new ValidationError([
      { field: 'quantity', message: 'Số lượng phải lớn hơn 0 / quantity must be > 0' },
    ]);
  }
  return prisma.$transaction(async (tx) => {
    const person = await tx.person.findFirst({
      where: { id: options.personId, active: true, AND: [buildPeopleWhere({ viewer })] },
      select: { id: true, code: true, unitId: true },
    });
    if (!person) throw new NotFoundError('cán bộ / person');
    const { cycle, unit, closure } = await findTrackedUnit({
      tx,
      viewer,
      cycleId: options.cycleId,
      unitId: person.unitId,
      period: options.period,
      write: true,
    });
    if (closure?.state === 'CLOSED' && !options.reason?.trim()) {
      throw new ValidationError([
        {
          field: 'reason',
          message: 'Kỳ đã khóa: giao thêm việc cần nêu lý do / the period is closed: a reason is required',
        },
      ]);
    }
    const range = periodRange(cycle.periodKind, cycle.year, options.period);
    const dueOn = options.dueOn ?? range.to;
    if (dueOn < range.from || dueOn > range.to) {
      throw new ValidationError([
        { field: 'dueOn', message: 'Hạn phải trong kỳ / the due date must fall in the period' },
      ]);
    }
    let title = options.title?.trim() ?? '';
    let weight: number;
    let productId: string | null = null;
    if (options.productId) {
      const product = await tx.product.findFirst({
        where: { id: options.productId, cycleId: cycle.id, active: true },
      });
      if (!product) throw new NotFoundError('sản phẩm / product');
      productId = product.id;
      title = title || product.name;
      weight = Math.round(options.quantity * product.coefficient * 1000) / 1000;
    } else {
      if (!title) {
        throw new ValidationError([
          {
            field: 'title',
            message: 'Cần tên công việc hoặc sản phẩm / a task title or a product is required',
          },
        ]);
      }
      weight = options.weight ?? 1;
      if (!(weight > 0)) {
        throw new ValidationError([
          { field: 'weight', message: 'Trọng số phải lớn hơn 0 / weight must be > 0' },
        ]);
      }
    }
    const task = await tx.task.create({
      data: {
        cycleId: cycle.id,
        personId: person.id,
        code: `GV-${person.code}-${uuidv7().slice(-12)}`,
        title,
        weight,
        dueOn,
        planned: options.quantity,
        actual: 0,
        period: options.period,
        productId,
      },
    });
    await writeAudit({
      tx,
      actor: viewer,
      action: closure?.state === 'CLOSED' ? 'correctPeriod' : 'assignWork',
      entity: 'Task',
      entityId: task.id,
      after: { ...task, unitId: unit.id, reason: options.reason?.trim() || null },
    });
    if (closure?.state === 'CLOSED') {
      await tx.periodCorrection.create({
        data: {
          cycleId: cycle.id,
          unitId: unit.id,
          period: options.period,
          personId: person.id,
          entity: 'Task',
          entityId: task.id,
          reason: options.reason?.trim() ?? '',
          after: JSON.parse(JSON.stringify(task)),
          byUserId: viewer.userId,
        },
      });
    }
    return task;
  });
}
