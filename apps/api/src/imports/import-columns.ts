import type { ImportKind } from '@cadre/db';
import {
  categoryLabels,
  disciplineLabels,
  genderLabels,
  infractionLabels,
  initiativeKindLabels,
  initiativeScopeLabels,
  sectorLabels,
  unitKindLabels,
} from '../exports/labels.ts';
import { oneStopStatsImport, productsImport, taskAssignmentsImport } from './period-import-columns.ts';

// The columns of each import file: the Vietnamese header printed on the template, the English
// name also accepted, the type each cell is read as, and an example value for the template row.

export type ColumnType =
  | { kind: 'text'; max: number }
  | { kind: 'int'; min: number }
  | { kind: 'number'; min: number; max?: number }
  | { kind: 'date' }
  | { kind: 'bool' }
  | { kind: 'enum'; labels: Record<string, string> };

export type ImportColumn = {
  key: string;
  header: string;
  type: ColumnType;
  required: boolean;
  example: string;
};

export type ImportKindSpec = {
  kind: ImportKind;
  /** the URL name: /api/import/templates/<slug>.xlsx */
  slug: string;
  title: string;
  needsCycle: boolean;
  columns: ImportColumn[];
};

const text = (max = 500): ColumnType => ({ kind: 'text', max });
const int: ColumnType = { kind: 'int', min: 0 };
const date: ColumnType = { kind: 'date' };
const bool: ColumnType = { kind: 'bool' };
const enumOf = (labels: Record<string, string>): ColumnType => ({ kind: 'enum', labels });

function column(
  key: string,
  header: string,
  type: ColumnType,
  example: string,
  required = false,
): ImportColumn {
  return { key, header, type, required, example };
}

const personCode = column('personCode', 'Mã cán bộ', text(50), 'CB0001', true);

export const importKinds: Record<ImportKind, ImportKindSpec> = {
  UNITS: {
    kind: 'UNITS',
    slug: 'units',
    title: 'Đơn vị',
    needsCycle: false,
    columns: [
      column('code', 'Mã đơn vị', text(50), 'SNV-P1', true),
      column('name', 'Tên đơn vị', text(300), 'Phòng Tổ chức, biên chế', true),
      column('kind', 'Loại đơn vị', enumOf(unitKindLabels), 'Phòng, ban', true),
      column('parentCode', 'Mã đơn vị cấp trên', text(50), 'SNV', true),
      column('blockCode', 'Mã khối thi đua', text(50), ''),
    ],
  },
  PEOPLE: {
    kind: 'PEOPLE',
    slug: 'people',
    title: 'Cán bộ, công chức, viên chức',
    needsCycle: false,
    columns: [
      column('code', 'Mã cán bộ', text(50), 'CB0001', true),
      column('fullName', 'Họ và tên', text(200), 'Nguyễn Thị Lan', true),
      column('unitCode', 'Mã đơn vị', text(50), 'SNV-P1', true),
      column('category', 'Loại cán bộ', enumOf(categoryLabels), 'Công chức', true),
      column('gender', 'Giới tính', enumOf(genderLabels), 'Nữ'),
      column('birthDate', 'Ngày sinh', date, '15/08/1985'),
      column('email', 'Thư điện tử', text(200), 'lan.nt@example.gov.vn'),
      column('positionTitle', 'Chức vụ', text(200), 'Chuyên viên'),
      column('hiredOn', 'Ngày tuyển dụng', date, '01/03/2015', true),
      column('retirementOn', 'Ngày nghỉ hưu', date, '30/06/2045'),
      column('leadsUnitCode', 'Mã đơn vị lãnh đạo', text(50), ''),
      column('sensitiveSector', 'Lĩnh vực nhạy cảm', enumOf(sectorLabels), ''),
      column('sensitiveSince', 'Giữ vị trí nhạy cảm từ ngày', date, ''),
      column('citizenFacing', 'Tiếp xúc trực tiếp người dân', bool, 'Có'),
      column('dossierHandler', 'Giải quyết hồ sơ thủ tục hành chính', bool, 'Không'),
    ],
  },
  TASKS: {
    kind: 'TASKS',
    slug: 'tasks',
    title: 'Nhiệm vụ',
    needsCycle: true,
    columns: [
      column('code', 'Mã nhiệm vụ', text(100), 'NV-2026-001', true),
      personCode,
      column('title', 'Tên nhiệm vụ', text(1000), 'Thẩm định hồ sơ tuyển dụng quý I', true),
      column('weight', 'Trọng số', { kind: 'number', min: 0 }, '1'),
      column('dueOn', 'Hạn hoàn thành', date, '31/03/2026', true),
      column('completedOn', 'Ngày hoàn thành', date, '28/03/2026'),
      column('planned', 'Khối lượng kế hoạch', { kind: 'number', min: 0 }, '1'),
      column('actual', 'Khối lượng thực hiện', { kind: 'number', min: 0 }, '1'),
      column('majorErrors', 'Số sai sót lớn', int, '0'),
      column('delays', 'Số lần chậm', int, '0'),
      column('excused', 'Có lý do khách quan', bool, 'Không'),
      column('excuseNote', 'Ghi chú lý do', text(1000), ''),
    ],
  },
  DOSSIERS: {
    kind: 'DOSSIERS',
    slug: 'dossiers',
    title: 'Hồ sơ thủ tục hành chính',
    needsCycle: true,
    columns: [
      personCode,
      column('received', 'Số hồ sơ tiếp nhận', int, '420'),
      column('early', 'Trước hạn', int, '100'),
      column('onTime', 'Đúng hạn', int, '318'),
      column('late', 'Trễ hạn', int, '2'),
      column('apologies', 'Phiếu xin lỗi', int, '2'),
    ],
  },
  CITIZEN_VOTES: {
    kind: 'CITIZEN_VOTES',
    slug: 'citizen-votes',
    title: 'Đánh giá của người dân',
    needsCycle: true,
    columns: [
      personCode,
      column('source', 'Nguồn', text(50), 'KIOSK'),
      column('verySatisfied', 'Rất hài lòng', int, '150'),
      column('satisfied', 'Hài lòng', int, '60'),
      column('dissatisfied', 'Không hài lòng', int, '3'),
    ],
  },
  DISCIPLINE: {
    kind: 'DISCIPLINE',
    slug: 'discipline',
    title: 'Quyết định kỷ luật',
    needsCycle: false,
    columns: [
      personCode,
      column('form', 'Hình thức kỷ luật', enumOf(disciplineLabels), 'Khiển trách', true),
      column('number', 'Số quyết định', text(100), '12/QĐ-SNV'),
      column('decidedOn', 'Ngày quyết định', date, '12/05/2026', true),
      column('actYear', 'Năm xảy ra vi phạm', { kind: 'int', min: 1990 }, '2026', true),
      column('concernsDuties', 'Liên quan đến thực thi nhiệm vụ', bool, 'Có'),
      column('alreadyCountedInYear', 'Đã tính khi xếp loại năm', { kind: 'int', min: 1990 }, ''),
      column('reason', 'Lý do', text(2000), 'Vi phạm quy chế làm việc'),
    ],
  },
  INFRACTIONS: {
    kind: 'INFRACTIONS',
    slug: 'infractions',
    title: 'Vi phạm kỷ cương',
    needsCycle: true,
    columns: [
      personCode,
      column('kind', 'Loại vi phạm', enumOf(infractionLabels), 'Đi muộn', true),
      column('occurredOn', 'Ngày vi phạm', date, '01/04/2026', true),
      column('note', 'Ghi chú', text(1000), ''),
    ],
  },
  INITIATIVES: {
    kind: 'INITIATIVES',
    slug: 'initiatives',
    title: 'Sáng kiến, đề tài',
    needsCycle: false,
    columns: [
      personCode,
      column('kind', 'Loại', enumOf(initiativeKindLabels), 'Sáng kiến'),
      column('title', 'Tên sáng kiến, đề tài', text(1000), 'Số hóa quy trình tiếp nhận hồ sơ', true),
      column('scope', 'Phạm vi ảnh hưởng', enumOf(initiativeScopeLabels), 'Cơ sở', true),
      column('recognizedOn', 'Ngày công nhận', date, '01/10/2026', true),
      column('decisionNumber', 'Số quyết định công nhận', text(100), '45/QĐ-HĐSK'),
    ],
  },
  PRODUCTS: productsImport,
  TASK_ASSIGNMENTS: taskAssignmentsImport,
  ONE_STOP_STATS: oneStopStatsImport,
};

/** UNITS, units, citizen-votes, CITIZEN_VOTES… → the kind; undefined when unknown. */
export function findImportKind(name: string): ImportKindSpec | undefined {
  const wanted = name.trim().toLowerCase().replace(/_/g, '-');
  return Object.values(importKinds).find(
    (spec) => spec.slug === wanted || spec.kind.toLowerCase().replace(/_/g, '-') === wanted,
  );
}
