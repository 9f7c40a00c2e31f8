import type {
  CitizenVote,
  DisciplineDecision,
  DisciplineForm,
  DossierStat,
  Infraction,
  InfractionKind,
  Task,
} from '@cadre/db';
import { ValidationError } from '../../errors.ts';

// The evidence a person's imports recorded, kind by kind: which fields are shown, which of them a
// correction may change, and how a corrected value (sent as text) is read and checked.

export const evidenceKinds = ['TASK', 'DOSSIER', 'CITIZEN_VOTE', 'DISCIPLINE', 'INFRACTION'] as const;
export type EvidenceKind = (typeof evidenceKinds)[number];

/** The table (and the Relay type name of its ids) of each kind. */
export const evidenceTables = {
  TASK: 'Task',
  DOSSIER: 'DossierStat',
  CITIZEN_VOTE: 'CitizenVote',
  DISCIPLINE: 'DisciplineDecision',
  INFRACTION: 'Infraction',
} as const satisfies Record<EvidenceKind, string>;

export type EvidenceTable = (typeof evidenceTables)[EvidenceKind];

export function kindOfTable(table: string): EvidenceKind | null {
  const found = evidenceKinds.find((kind) => evidenceTables[kind] === table);
  return found ?? null;
}

export type EvidenceRowOf = {
  TASK: Task;
  DOSSIER: DossierStat;
  CITIZEN_VOTE: CitizenVote;
  DISCIPLINE: DisciplineDecision;
  INFRACTION: Infraction;
};

export const fieldTypes = ['INT', 'NUMBER', 'DATE', 'BOOLEAN', 'TEXT', 'CHOICE'] as const;
export type FieldType = (typeof fieldTypes)[number];

export type FieldSpec = {
  name: string;
  type: FieldType;
  correctable: boolean;
  nullable?: boolean;
  min?: number;
  options?: readonly string[];
  maxLength?: number;
};

const disciplineForms: readonly DisciplineForm[] = [
  'KHIEN_TRACH',
  'CANH_CAO',
  'HA_BAC_LUONG',
  'GIANG_CHUC',
  'CACH_CHUC',
  'BAI_NHIEM',
  'BUOC_THOI_VIEC',
];
const infractionKinds: readonly InfractionKind[] = ['LATE', 'ABSENT', 'CONDUCT', 'COMPLAINT_UPHELD'];

const count = (name: string): FieldSpec => ({ name, type: 'INT', correctable: true, min: 0 });

export const evidenceFields: Record<EvidenceKind, readonly FieldSpec[]> = {
  TASK: [
    { name: 'code', type: 'TEXT', correctable: false },
    { name: 'title', type: 'TEXT', correctable: true, maxLength: 1000 },
    { name: 'weight', type: 'NUMBER', correctable: true, min: 0 },
    { name: 'dueOn', type: 'DATE', correctable: true },
    { name: 'completedOn', type: 'DATE', correctable: true, nullable: true },
    { name: 'planned', type: 'NUMBER', correctable: true, min: 0 },
    { name: 'actual', type: 'NUMBER', correctable: true, min: 0 },
    count('majorErrors'),
    count('delays'),
    // an excuse needs its cause and who confirmed it: recorded on the period tracking screen
    { name: 'excused', type: 'BOOLEAN', correctable: false },
  ],
  DOSSIER: [count('received'), count('early'), count('onTime'), count('late'), count('apologies')],
  CITIZEN_VOTE: [
    { name: 'source', type: 'TEXT', correctable: false },
    count('verySatisfied'),
    count('satisfied'),
    count('dissatisfied'),
  ],
  DISCIPLINE: [
    { name: 'form', type: 'CHOICE', correctable: true, options: disciplineForms },
    { name: 'number', type: 'TEXT', correctable: true, nullable: true, maxLength: 100 },
    { name: 'decidedOn', type: 'DATE', correctable: true },
    { name: 'actYear', type: 'INT', correctable: true, min: 1990 },
    { name: 'concernsDuties', type: 'BOOLEAN', correctable: true },
  ],
  INFRACTION: [
    { name: 'kind', type: 'CHOICE', correctable: true, options: infractionKinds },
    { name: 'occurredOn', type: 'DATE', correctable: true },
    { name: 'note', type: 'TEXT', correctable: true, nullable: true, maxLength: 1000 },
  ],
};

export type FieldValue = string | number | boolean | Date | null;

/** A stored value as the text the API shows: dates as YYYY-MM-DD, booleans as true/false. */
export function formatValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

/** Reads a corrected value sent as text; a refusal names the input field and the evidence field. */
export function parseValue(
  spec: FieldSpec,
  raw: string | null | undefined,
  field = 'input.value',
): FieldValue {
  const text = raw?.trim() ?? '';
  const refuse = (vi: string, en: string): never => {
    throw new ValidationError([{ field, message: `${spec.name}: ${vi} / ${en}` }]);
  };
  if (text === '') {
    if (spec.nullable) return null;
    return refuse('cần một giá trị', 'a value is required');
  }
  switch (spec.type) {
    case 'INT': {
      if (!/^-?\d+$/.test(text)) return refuse('cần một số nguyên', 'must be a whole number');
      const value = Number(text);
      if (spec.min !== undefined && value < spec.min)
        return refuse(`không nhỏ hơn ${spec.min}`, `must be ≥ ${spec.min}`);
      return value;
    }
    case 'NUMBER': {
      const value = Number(text.replace(',', '.'));
      if (!Number.isFinite(value)) return refuse('cần một số', 'must be a number');
      if (spec.min !== undefined && value < spec.min)
        return refuse(`không nhỏ hơn ${spec.min}`, `must be ≥ ${spec.min}`);
      return value;
    }
    case 'DATE': {
      const date = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T00:00:00.000Z`) : null;
      if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text) {
        return refuse('cần ngày dạng YYYY-MM-DD', 'must be a date YYYY-MM-DD');
      }
      return date;
    }
    case 'BOOLEAN':
      if (text !== 'true' && text !== 'false') return refuse('cần true hoặc false', 'must be true or false');
      return text === 'true';
    case 'CHOICE':
      if (!spec.options?.includes(text)) {
        return refuse(
          `cần một trong ${spec.options?.join(', ')}`,
          `must be one of ${spec.options?.join(', ')}`,
        );
      }
      return text;
    case 'TEXT':
      if (spec.maxLength !== undefined && text.length > spec.maxLength) {
        return refuse(`tối đa ${spec.maxLength} ký tự`, `at most ${spec.maxLength} characters`);
      }
      return text;
  }
}

/** The same value, whatever its type (a date by its day). */
export function sameValue(a: unknown, b: unknown): boolean {
  return formatValue(a) === formatValue(b);
}
