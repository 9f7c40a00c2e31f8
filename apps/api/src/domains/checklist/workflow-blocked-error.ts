import { AppError } from '../../errors.ts';
import type { ChecklistItem } from './services/read-checklist.ts';

/** A cycle move refused while blocking items remain; the items say what and how many. */
export class WorkflowBlockedError extends AppError {
  readonly items: ChecklistItem[];

  constructor(options: { vi: string; en: string; items: ChecklistItem[] }) {
    const list = options.items.map((item) => `${item.label} (${item.count})`).join('; ');
    const listEn = options.items.map((item) => `${item.labelEn} (${item.count})`).join('; ');
    super('CONFLICT', `${options.vi}: ${list} / ${options.en}: ${listEn}`, {
      items: options.items.map((item) => ({ kind: item.kind, count: item.count })),
    });
    this.name = 'WorkflowBlockedError';
    this.items = options.items;
  }
}
