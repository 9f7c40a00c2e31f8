import type { ImportColumn, ImportKindSpec } from './import-columns.ts';

// The columns of the imports from the systems agencies already run (DOMAIN.md §9): the product
// catalogue, task-assignment exports and one-stop dossier statistics. A source system's own
// headers map onto these by a saved mapping per source (import-mapping.ts).

const text = (max = 500) => ({ kind: 'text', max }) as const;
const int = { kind: 'int', min: 0 } as const;
const date = { kind: 'date' } as const;
const positive = { kind: 'number', min: 0 } as const;

function column(
  key: string,
  header: string,
  type: ImportColumn['type'],
  example: string,
  required = false,
): ImportColumn {
  return { key, header, type, required, example };
}

// the assignee by staff number or by personal identification number: either is enough
const assignee = [
  column('personCode', 'Mã cán bộ', text(50), 'HA00012'),
  column('personalId', 'Số định danh cá nhân', text(12), '045086000123'),
];

export const productsImport: ImportKindSpec = {
  kind: 'PRODUCTS',
  slug: 'products',
  title: 'Danh mục sản phẩm theo vị trí việc làm',
  needsCycle: true,
  columns: [
    column('jobPositionCode', 'Mã vị trí việc làm', text(40), 'VTVL-MC', true),
    column('jobPositionName', 'Tên vị trí việc làm', text(300), 'Công chức một cửa'),
    column('code', 'Mã sản phẩm', text(40), 'MC01', true),
    column('name', 'Tên sản phẩm', text(300), 'Tiếp nhận, trả kết quả hồ sơ TTHC', true),
    column('unitOfCount', 'Đơn vị tính', text(40), 'hồ sơ', true),
    column('coefficient', 'Hệ số quy đổi', positive, '0,05', true),
  ],
};

export const taskAssignmentsImport: ImportKindSpec = {
  kind: 'TASK_ASSIGNMENTS',
  slug: 'task-assignments',
  title: 'Giao việc từ phần mềm quản lý văn bản, giao việc',
  needsCycle: true,
  columns: [
    column('code', 'Mã công việc', text(100), 'GV-2026-00123', true),
    ...assignee,
    column('productCode', 'Mã sản phẩm', text(40), 'MC01'),
    column('title', 'Tên công việc', text(500), 'Tiếp nhận hồ sơ đất đai quý III'),
    column('period', 'Kỳ', { kind: 'int', min: 1 }, '3'),
    column('dueOn', 'Hạn xử lý', date, '30/09/2026', true),
    column('completedOn', 'Ngày hoàn thành', date, '25/09/2026'),
    column('planned', 'Số lượng giao', positive, '120'),
    column('actual', 'Số lượng hoàn thành', positive, '118'),
    column('weight', 'Trọng số', positive, '1'),
    column('majorErrors', 'Số lần không đạt chất lượng', int, '0'),
    column('delays', 'Số lần trễ hạn', int, '0'),
  ],
};

export const oneStopStatsImport: ImportKindSpec = {
  kind: 'ONE_STOP_STATS',
  slug: 'one-stop-stats',
  title: 'Thống kê hồ sơ một cửa theo người xử lý và kỳ',
  needsCycle: true,
  columns: [
    ...assignee,
    column('period', 'Kỳ', { kind: 'int', min: 1 }, '3', true),
    column('received', 'Số hồ sơ tiếp nhận', int, '320', true),
    column('early', 'Trước hạn', int, '80'),
    column('onTime', 'Đúng hạn', int, '230'),
    column('late', 'Quá hạn', int, '4'),
    column('apologies', 'Phiếu xin lỗi', int, '2'),
  ],
};
