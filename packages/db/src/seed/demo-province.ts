// The demo province (fictional): its unit tree, emulation blocks and the kinds of work
// each unit does. seed-demo.ts (with its sections in demo/) turns this into people and a year of evidence.
import type { SensitiveSector, StaffCategory, UnitKind } from '../generated/prisma/enums.ts';

export type StaffProfile =
  | 'leadership'
  | 'office'
  | 'personnel'
  | 'emulation'
  | 'reform'
  | 'finance'
  | 'investment'
  | 'assets'
  | 'inspection'
  | 'citizen-reception'
  | 'land'
  | 'environment'
  | 'land-registry'
  | 'health'
  | 'disease-control'
  | 'education'
  | 'construction'
  | 'justice'
  | 'legal-docs'
  | 'one-stop'
  | 'commune'
  | 'culture';

export type Position = {
  title: string;
  weight: number;
  category?: StaffCategory;
  sector?: SensitiveSector;
  citizenFacing?: boolean;
  dossierHandler?: boolean;
};

export type UnitSpec = {
  code: string;
  name: string;
  kind: UnitKind;
  profile: StaffProfile;
  /** people whose unit this is, the head and deputies included */
  staff: number;
  block?: string;
  children?: UnitSpec[];
  /** last day in force (a unit closed by the 2025 reorganisation); its people moved to successors */
  validTo?: string;
  /** first day in force */
  validFrom?: string;
  /** codes of the units this one succeeded (mergers and splits of 1 July 2025) */
  predecessors?: string[];
};

export const provinceName = 'Hòa An';
export const emailDomain = 'hoaan.gov.vn';

export const emulationBlocks = [
  { code: 'KHOI-TH', name: 'Khối các cơ quan tổng hợp' },
  { code: 'KHOI-KT', name: 'Khối các sở kinh tế – kỹ thuật' },
  { code: 'KHOI-VX', name: 'Khối các sở văn hóa – xã hội' },
  { code: 'KHOI-SN', name: 'Khối các đơn vị sự nghiệp, trung tâm' },
  { code: 'CUM-HUYEN', name: 'Cụm thi đua các huyện, thành phố (đến 30/6/2025)' },
  { code: 'CUM-XA', name: 'Cụm thi đua các xã' },
  { code: 'CUM-PHUONG', name: 'Cụm thi đua các phường, đặc khu' },
] as const;

const office = (code: string, staff: number): UnitSpec => ({
  code,
  name: 'Văn phòng Sở',
  kind: 'DIVISION',
  profile: 'office',
  staff,
});

/** The end of the district level (Luật Tổ chức chính quyền địa phương 2025): districts closed on this day. */
export const districtsClosedOn = '2025-06-30';
export const twoLevelFrom = '2025-07-01';
export const reorganisationDecision = 'Nghị quyết 1656/NQ-UBTVQH15';

/** A district of the three-level model, closed on 30 June 2025: history only, no staff today. */
function district(code: string, name: string, communes: [string, string][]): UnitSpec {
  const closed = (spec: Omit<UnitSpec, 'staff' | 'validTo'>): UnitSpec => ({
    ...spec,
    staff: 0,
    validTo: districtsClosedOn,
  });
  return closed({
    code,
    name: `UBND ${name}`,
    kind: 'DISTRICT',
    profile: 'leadership',
    block: 'CUM-HUYEN',
    children: [
      closed({ code: `${code}.VP`, name: 'Văn phòng HĐND và UBND', kind: 'DIVISION', profile: 'office' }),
      closed({ code: `${code}.NV`, name: 'Phòng Nội vụ', kind: 'DIVISION', profile: 'personnel' }),
      closed({
        code: `${code}.TCKH`,
        name: 'Phòng Tài chính – Kế hoạch',
        kind: 'DIVISION',
        profile: 'finance',
      }),
      closed({
        code: `${code}.TNMT`,
        name: 'Phòng Tài nguyên và Môi trường',
        kind: 'DIVISION',
        profile: 'land',
      }),
      closed({
        code: `${code}.MC`,
        name: 'Bộ phận Một cửa (tiếp nhận và trả kết quả)',
        kind: 'CENTER',
        profile: 'one-stop',
      }),
      ...communes.map(([suffix, communeName]) =>
        closed({
          code: `${code}.${suffix}`,
          name: `UBND ${communeName}`,
          kind: 'COMMUNE',
          profile: 'commune',
          block: 'CUM-XA',
        }),
      ),
    ],
  });
}

/**
 * A commune, ward or special zone of the two-level model (from 1 July 2025): its own office, economic
 * and socio-cultural divisions and public administration service centre. `from` lists the old units
 * it succeeded: the district and communes whose territory it took, then for each of its divisions
 * the district division whose work it took.
 */
function commune(
  code: string,
  kind: 'COMMUNE' | 'WARD' | 'SPECIAL_ZONE',
  name: string,
  from: { units: string[]; district: string },
): UnitSpec {
  const d = from.district;
  return {
    code,
    name: `UBND ${name}`,
    kind,
    profile: 'commune',
    staff: 3,
    block: kind === 'COMMUNE' ? 'CUM-XA' : 'CUM-PHUONG',
    validFrom: twoLevelFrom,
    predecessors: [...from.units, d],
    children: [
      {
        code: `${code}.VP`,
        name: 'Văn phòng HĐND và UBND',
        kind: 'DIVISION',
        profile: 'office',
        staff: 6,
        validFrom: twoLevelFrom,
        predecessors: [`${d}.VP`, `${d}.NV`],
      },
      {
        code: `${code}.KT`,
        name: kind === 'WARD' ? 'Phòng Kinh tế, Hạ tầng và Đô thị' : 'Phòng Kinh tế',
        kind: 'DIVISION',
        profile: 'land',
        staff: 7,
        validFrom: twoLevelFrom,
        predecessors: [`${d}.TNMT`, `${d}.TCKH`],
      },
      {
        code: `${code}.VHXH`,
        name: 'Phòng Văn hóa – Xã hội',
        kind: 'DIVISION',
        profile: 'culture',
        staff: 6,
        validFrom: twoLevelFrom,
        predecessors: from.units,
      },
      {
        code: `${code}.TTHC`,
        name: 'Trung tâm Phục vụ hành chính công',
        kind: 'CENTER',
        profile: 'one-stop',
        staff: 8,
        validFrom: twoLevelFrom,
        predecessors: [`${d}.MC`],
      },
    ],
  };
}

/** The tree; the head department of the `head` demo account is HA.STNMT. */
export const provinceTree: UnitSpec = {
  code: 'HA',
  name: `UBND tỉnh ${provinceName}`,
  kind: 'PROVINCE',
  profile: 'leadership',
  staff: 4,
  children: [
    {
      code: 'HA.VPUB',
      name: 'Văn phòng UBND tỉnh',
      kind: 'DEPARTMENT',
      profile: 'leadership',
      staff: 3,
      block: 'KHOI-TH',
      children: [
        { code: 'HA.VPUB.TH', name: 'Phòng Tổng hợp', kind: 'DIVISION', profile: 'office', staff: 8 },
        { code: 'HA.VPUB.KT', name: 'Phòng Kinh tế', kind: 'DIVISION', profile: 'investment', staff: 7 },
        {
          code: 'HA.VPUB.HCTC',
          name: 'Phòng Hành chính – Tổ chức',
          kind: 'DIVISION',
          profile: 'office',
          staff: 7,
        },
        {
          code: 'HA.VPUB.TTPVHCC',
          name: 'Trung tâm Phục vụ hành chính công tỉnh',
          kind: 'CENTER',
          profile: 'one-stop',
          staff: 18,
          block: 'KHOI-SN',
        },
      ],
    },
    {
      code: 'HA.SNV',
      name: 'Sở Nội vụ',
      kind: 'DEPARTMENT',
      profile: 'leadership',
      staff: 3,
      block: 'KHOI-TH',
      children: [
        office('HA.SNV.VP', 7),
        {
          code: 'HA.SNV.TCBC',
          name: 'Phòng Tổ chức, biên chế và tổ chức phi chính phủ',
          kind: 'DIVISION',
          profile: 'personnel',
          staff: 8,
        },
        {
          code: 'HA.SNV.CCVC',
          name: 'Phòng Công chức, viên chức',
          kind: 'DIVISION',
          profile: 'personnel',
          staff: 8,
        },
        {
          code: 'HA.SNV.CCHC',
          name: 'Phòng Cải cách hành chính',
          kind: 'DIVISION',
          profile: 'reform',
          staff: 7,
        },
        {
          code: 'HA.SNV.TDKT',
          name: 'Ban Thi đua – Khen thưởng',
          kind: 'DIVISION',
          profile: 'emulation',
          staff: 9,
        },
      ],
    },
    {
      code: 'HA.STC',
      name: 'Sở Tài chính',
      kind: 'DEPARTMENT',
      profile: 'leadership',
      staff: 4,
      block: 'KHOI-TH',
      children: [
        office('HA.STC.VP', 7),
        {
          code: 'HA.STC.NS',
          name: 'Phòng Quản lý ngân sách',
          kind: 'DIVISION',
          profile: 'finance',
          staff: 10,
        },
        {
          code: 'HA.STC.DT',
          name: 'Phòng Tài chính đầu tư',
          kind: 'DIVISION',
          profile: 'investment',
          staff: 9,
        },
        {
          code: 'HA.STC.GCS',
          name: 'Phòng Quản lý giá và công sản',
          kind: 'DIVISION',
          profile: 'assets',
          staff: 8,
        },
        { code: 'HA.STC.TT', name: 'Thanh tra Sở', kind: 'DIVISION', profile: 'inspection', staff: 6 },
      ],
    },
    {
      code: 'HA.STNMT',
      name: 'Sở Tài nguyên và Môi trường',
      kind: 'DEPARTMENT',
      profile: 'leadership',
      staff: 3,
      block: 'KHOI-KT',
      children: [
        office('HA.STNMT.VP', 7),
        { code: 'HA.STNMT.DD', name: 'Phòng Quản lý đất đai', kind: 'DIVISION', profile: 'land', staff: 11 },
        { code: 'HA.STNMT.MT', name: 'Phòng Môi trường', kind: 'DIVISION', profile: 'environment', staff: 9 },
        {
          code: 'HA.STNMT.VPDK',
          name: 'Văn phòng Đăng ký đất đai',
          kind: 'CENTER',
          profile: 'land-registry',
          staff: 20,
          block: 'KHOI-SN',
        },
      ],
    },
    {
      code: 'HA.SYT',
      name: 'Sở Y tế',
      kind: 'DEPARTMENT',
      profile: 'leadership',
      staff: 3,
      block: 'KHOI-VX',
      children: [
        office('HA.SYT.VP', 6),
        { code: 'HA.SYT.NVY', name: 'Phòng Nghiệp vụ Y', kind: 'DIVISION', profile: 'health', staff: 8 },
        { code: 'HA.SYT.NVD', name: 'Phòng Nghiệp vụ Dược', kind: 'DIVISION', profile: 'health', staff: 7 },
        {
          code: 'HA.SYT.CDC',
          name: 'Trung tâm Kiểm soát bệnh tật',
          kind: 'CENTER',
          profile: 'disease-control',
          staff: 22,
          block: 'KHOI-SN',
        },
      ],
    },
    {
      code: 'HA.SGD',
      name: 'Sở Giáo dục và Đào tạo',
      kind: 'DEPARTMENT',
      profile: 'leadership',
      staff: 3,
      block: 'KHOI-VX',
      children: [
        office('HA.SGD.VP', 6),
        {
          code: 'HA.SGD.GDPT',
          name: 'Phòng Giáo dục phổ thông',
          kind: 'DIVISION',
          profile: 'education',
          staff: 8,
        },
        {
          code: 'HA.SGD.TCCB',
          name: 'Phòng Tổ chức cán bộ',
          kind: 'DIVISION',
          profile: 'personnel',
          staff: 6,
        },
      ],
    },
    {
      code: 'HA.SXD',
      name: 'Sở Xây dựng',
      kind: 'DEPARTMENT',
      profile: 'leadership',
      staff: 3,
      block: 'KHOI-KT',
      children: [
        office('HA.SXD.VP', 6),
        {
          code: 'HA.SXD.QLXD',
          name: 'Phòng Quản lý xây dựng',
          kind: 'DIVISION',
          profile: 'construction',
          staff: 9,
        },
        {
          code: 'HA.SXD.QHKT',
          name: 'Phòng Quy hoạch – Kiến trúc',
          kind: 'DIVISION',
          profile: 'construction',
          staff: 7,
        },
      ],
    },
    {
      code: 'HA.STP',
      name: 'Sở Tư pháp',
      kind: 'DEPARTMENT',
      profile: 'leadership',
      staff: 3,
      block: 'KHOI-TH',
      children: [
        office('HA.STP.VP', 6),
        {
          code: 'HA.STP.HCTP',
          name: 'Phòng Hành chính tư pháp',
          kind: 'DIVISION',
          profile: 'justice',
          staff: 9,
        },
        {
          code: 'HA.STP.VB',
          name: 'Phòng Xây dựng và kiểm tra văn bản',
          kind: 'DIVISION',
          profile: 'legal-docs',
          staff: 7,
        },
      ],
    },
    {
      code: 'HA.TTT',
      name: 'Thanh tra tỉnh',
      kind: 'DEPARTMENT',
      profile: 'leadership',
      staff: 3,
      block: 'KHOI-TH',
      children: [
        {
          code: 'HA.TTT.P1',
          name: 'Phòng Thanh tra kinh tế – xã hội',
          kind: 'DIVISION',
          profile: 'inspection',
          staff: 8,
        },
        {
          code: 'HA.TTT.TCD',
          name: 'Phòng Tiếp công dân và xử lý đơn thư',
          kind: 'DIVISION',
          profile: 'citizen-reception',
          staff: 7,
        },
      ],
    },
    district('HA.TPHA', `thành phố ${provinceName}`, [
      ['PHB', 'phường Hòa Bình'],
      ['PTS', 'phường Trung Sơn'],
      ['XHP', 'xã Hòa Phú'],
    ]),
    district('HA.DS', 'huyện Đông Sơn', [
      ['TTDS', 'thị trấn Đông Sơn'],
      ['XDH', 'xã Đông Hưng'],
      ['XDHO', 'xã Đông Hòa'],
    ]),
    district('HA.SL', 'huyện Sơn Lâm', [
      ['TTSL', 'thị trấn Sơn Lâm'],
      ['XST', 'xã Sơn Thủy'],
      ['XLP', 'xã Lâm Phước'],
    ]),
    district('HA.PT', 'huyện Phước Thành', [
      ['XPA', 'xã Phước An'],
      ['XPH', 'xã Phước Hưng'],
      ['XTC', 'xã Thành Công'],
    ]),
    commune('HA.PHB', 'WARD', 'phường Hòa Bình', {
      units: ['HA.TPHA.PHB', 'HA.TPHA.PTS'],
      district: 'HA.TPHA',
    }),
    commune('HA.PHP', 'WARD', 'phường Hòa Phú', { units: ['HA.TPHA.XHP'], district: 'HA.TPHA' }),
    commune('HA.XDS', 'COMMUNE', 'xã Đông Sơn', {
      units: ['HA.DS.TTDS', 'HA.DS.XDH'],
      district: 'HA.DS',
    }),
    commune('HA.XDH', 'COMMUNE', 'xã Đông Hòa', { units: ['HA.DS.XDHO'], district: 'HA.DS' }),
    commune('HA.XSL', 'COMMUNE', 'xã Sơn Lâm', {
      units: ['HA.SL.TTSL', 'HA.SL.XST', 'HA.SL.XLP'],
      district: 'HA.SL',
    }),
    commune('HA.XPT', 'COMMUNE', 'xã Phước Thành', {
      units: ['HA.PT.XPA', 'HA.PT.XPH'],
      district: 'HA.PT',
    }),
    commune('HA.DKHN', 'SPECIAL_ZONE', 'đặc khu Hòn Ngọc', { units: ['HA.PT.XTC'], district: 'HA.PT' }),
  ],
};

export const positions: Record<Exclude<StaffProfile, 'leadership'>, readonly Position[]> = {
  office: [
    { title: 'Chuyên viên', weight: 5 },
    { title: 'Chuyên viên chính', weight: 2 },
    { title: 'Văn thư', weight: 1 },
    { title: 'Kế toán viên', weight: 1, sector: 'FINANCE' },
    { title: 'Nhân viên lái xe', weight: 0.7, category: 'NGUOI_LAO_DONG' },
    { title: 'Nhân viên bảo vệ', weight: 0.3, category: 'NGUOI_LAO_DONG' },
  ],
  personnel: [
    { title: 'Chuyên viên', weight: 5, sector: 'PERSONNEL' },
    { title: 'Chuyên viên chính', weight: 3, sector: 'PERSONNEL' },
  ],
  emulation: [
    { title: 'Chuyên viên', weight: 5 },
    { title: 'Chuyên viên chính', weight: 2 },
  ],
  reform: [
    { title: 'Chuyên viên', weight: 5 },
    { title: 'Chuyên viên chính', weight: 2 },
  ],
  finance: [
    { title: 'Chuyên viên', weight: 5, sector: 'FINANCE' },
    { title: 'Chuyên viên chính', weight: 2, sector: 'FINANCE' },
    { title: 'Kế toán viên chính', weight: 1, sector: 'FINANCE' },
  ],
  investment: [
    { title: 'Chuyên viên', weight: 5, sector: 'INVESTMENT' },
    { title: 'Chuyên viên chính', weight: 2, sector: 'INVESTMENT' },
  ],
  assets: [
    { title: 'Chuyên viên', weight: 5, sector: 'PUBLIC_ASSETS' },
    { title: 'Chuyên viên chính', weight: 2, sector: 'PUBLIC_ASSETS' },
  ],
  inspection: [
    { title: 'Thanh tra viên', weight: 5, sector: 'INSPECTION' },
    { title: 'Thanh tra viên chính', weight: 2, sector: 'INSPECTION' },
  ],
  'citizen-reception': [
    { title: 'Thanh tra viên', weight: 4, sector: 'INSPECTION', citizenFacing: true },
    { title: 'Chuyên viên xử lý đơn thư', weight: 3, citizenFacing: true, dossierHandler: true },
  ],
  land: [
    { title: 'Chuyên viên quản lý đất đai', weight: 5, sector: 'LAND', dossierHandler: true },
    { title: 'Chuyên viên chính', weight: 2, sector: 'LAND' },
  ],
  environment: [
    { title: 'Chuyên viên môi trường', weight: 5 },
    { title: 'Chuyên viên chính', weight: 2 },
  ],
  'land-registry': [
    {
      title: 'Viên chức đăng ký đất đai',
      weight: 6,
      category: 'VIEN_CHUC',
      sector: 'LAND',
      citizenFacing: true,
      dossierHandler: true,
    },
    { title: 'Viên chức đo đạc bản đồ', weight: 3, category: 'VIEN_CHUC', sector: 'LAND' },
    { title: 'Viên chức lưu trữ hồ sơ địa chính', weight: 2, category: 'VIEN_CHUC' },
    { title: 'Nhân viên hợp đồng', weight: 1, category: 'NGUOI_LAO_DONG' },
  ],
  health: [
    { title: 'Chuyên viên cấp phép hành nghề', weight: 3, sector: 'CITIZEN_SERVICE', dossierHandler: true },
    { title: 'Chuyên viên', weight: 4 },
    { title: 'Dược sĩ', weight: 1 },
  ],
  'disease-control': [
    { title: 'Bác sĩ', weight: 5, category: 'VIEN_CHUC' },
    { title: 'Điều dưỡng', weight: 4, category: 'VIEN_CHUC' },
    { title: 'Kỹ thuật viên xét nghiệm', weight: 3, category: 'VIEN_CHUC' },
    { title: 'Dược sĩ', weight: 1, category: 'VIEN_CHUC' },
    { title: 'Nhân viên hợp đồng', weight: 1, category: 'NGUOI_LAO_DONG' },
  ],
  education: [
    { title: 'Chuyên viên', weight: 5 },
    { title: 'Chuyên viên chính', weight: 2 },
  ],
  construction: [
    { title: 'Chuyên viên cấp phép xây dựng', weight: 3, sector: 'CITIZEN_SERVICE', dossierHandler: true },
    { title: 'Kỹ sư xây dựng', weight: 3 },
    { title: 'Chuyên viên', weight: 3 },
  ],
  justice: [
    {
      title: 'Chuyên viên lý lịch tư pháp',
      weight: 4,
      sector: 'CITIZEN_SERVICE',
      citizenFacing: true,
      dossierHandler: true,
    },
    { title: 'Chuyên viên hộ tịch, quốc tịch', weight: 3, dossierHandler: true },
    { title: 'Chuyên viên', weight: 2 },
  ],
  'legal-docs': [
    { title: 'Chuyên viên pháp chế', weight: 5 },
    { title: 'Chuyên viên chính', weight: 2 },
  ],
  'one-stop': [
    {
      title: 'Công chức tiếp nhận và trả kết quả',
      weight: 6,
      sector: 'CITIZEN_SERVICE',
      citizenFacing: true,
      dossierHandler: true,
    },
    {
      title: 'Viên chức hỗ trợ dịch vụ công trực tuyến',
      weight: 2,
      category: 'VIEN_CHUC',
      citizenFacing: true,
    },
  ],
  culture: [
    { title: 'Công chức Văn hóa – Xã hội', weight: 4, citizenFacing: true },
    { title: 'Công chức Lao động – Thương binh và Xã hội', weight: 2, citizenFacing: true },
    { title: 'Công chức Y tế – Giáo dục', weight: 1 },
  ],
  commune: [
    { title: 'Công chức Văn phòng – Thống kê', weight: 2 },
    {
      title: 'Công chức Địa chính – Xây dựng',
      weight: 2,
      sector: 'LAND',
      citizenFacing: true,
      dossierHandler: true,
    },
    { title: 'Công chức Tài chính – Kế toán', weight: 1.5, sector: 'FINANCE' },
    {
      title: 'Công chức Tư pháp – Hộ tịch',
      weight: 2,
      sector: 'CITIZEN_SERVICE',
      citizenFacing: true,
      dossierHandler: true,
    },
    { title: 'Công chức Văn hóa – Xã hội', weight: 1.5, citizenFacing: true },
    { title: 'Nhân viên bảo vệ', weight: 0.5, category: 'NGUOI_LAO_DONG' },
  ],
};

/** Task title stems per kind of work; `{q}` becomes the quarter, `{unit}` another unit's name. */
export const taskTitles: Record<StaffProfile, readonly string[]> = {
  leadership: [
    'Chỉ đạo thực hiện kế hoạch công tác {q}',
    'Chủ trì hội nghị sơ kết công tác {q}',
    'Chỉ đạo giải quyết kiến nghị của cử tri',
    'Chỉ đạo công tác cải cách hành chính năm 2026',
    'Chủ trì kiểm tra công tác tại {unit}',
  ],
  office: [
    'Tổng hợp báo cáo công tác {q}',
    'Tham mưu lịch công tác của lãnh đạo {q}',
    'Quản lý văn bản đến, văn bản đi {q}',
    'Chuẩn bị nội dung họp giao ban {q}',
  ],
  personnel: [
    'Thẩm định đề án vị trí việc làm của {unit}',
    'Tổng hợp kết quả đánh giá, xếp loại công chức năm 2025',
    'Tham mưu kế hoạch tuyển dụng công chức năm 2026',
    'Rà soát quy hoạch cán bộ lãnh đạo, quản lý',
    'Thẩm định hồ sơ nâng bậc lương {q}',
  ],
  emulation: [
    'Thẩm định hồ sơ đề nghị khen thưởng {q}',
    'Tham mưu tổ chức phong trào thi đua "Dân vận khéo"',
    'Tổng hợp đăng ký thi đua năm 2026 của các cụm, khối',
    'Hướng dẫn quy trình xét danh hiệu thi đua năm 2026',
  ],
  reform: [
    'Tự đánh giá chỉ số cải cách hành chính năm 2026',
    'Kiểm tra công tác cải cách hành chính tại {unit}',
    'Khảo sát sự hài lòng của người dân (SIPAS) năm 2026',
    'Báo cáo công tác cải cách hành chính {q}',
  ],
  finance: [
    'Thẩm định dự toán ngân sách năm 2027 của {unit}',
    'Thẩm tra quyết toán ngân sách {q}',
    'Báo cáo tình hình thu, chi ngân sách {q}',
  ],
  investment: [
    'Thẩm định kế hoạch đầu tư công trung hạn',
    'Theo dõi giải ngân vốn đầu tư công {q}',
    'Thẩm tra quyết toán dự án hoàn thành',
  ],
  assets: [
    'Thẩm định phương án sắp xếp, xử lý nhà, đất của {unit}',
    'Thẩm định giá tài sản công',
    'Cập nhật cơ sở dữ liệu tài sản công {q}',
  ],
  inspection: [
    'Thanh tra việc chấp hành pháp luật tại {unit}',
    'Xác minh nội dung đơn khiếu nại, tố cáo',
    'Theo dõi, đôn đốc thực hiện kết luận thanh tra {q}',
  ],
  'citizen-reception': [
    'Tiếp công dân định kỳ {q}',
    'Phân loại, xử lý đơn thư {q}',
    'Báo cáo công tác tiếp công dân {q}',
  ],
  land: [
    'Thẩm định hồ sơ giao đất, cho thuê đất {q}',
    'Thẩm định phương án bồi thường, giải phóng mặt bằng',
    'Kiểm tra việc sử dụng đất của tổ chức',
    'Cập nhật cơ sở dữ liệu đất đai {q}',
  ],
  environment: [
    'Thẩm định báo cáo đánh giá tác động môi trường',
    'Kiểm tra cơ sở sản xuất về bảo vệ môi trường',
    'Báo cáo hiện trạng môi trường {q}',
  ],
  'land-registry': [
    'Giải quyết hồ sơ đăng ký biến động đất đai {q}',
    'Cấp giấy chứng nhận quyền sử dụng đất {q}',
    'Chỉnh lý hồ sơ địa chính {q}',
    'Số hóa hồ sơ địa chính {q}',
  ],
  health: [
    'Thẩm định hồ sơ cấp chứng chỉ hành nghề {q}',
    'Kiểm tra hoạt động cơ sở khám, chữa bệnh tư nhân',
    'Báo cáo công tác khám, chữa bệnh {q}',
  ],
  'disease-control': [
    'Giám sát dịch bệnh truyền nhiễm {q}',
    'Triển khai tiêm chủng mở rộng {q}',
    'Xét nghiệm mẫu giám sát {q}',
    'Truyền thông phòng, chống dịch bệnh',
  ],
  education: [
    'Tham mưu kế hoạch năm học 2026–2027',
    'Kiểm tra công tác tuyển sinh lớp 10 năm 2026',
    'Tổng hợp kết quả thi tốt nghiệp THPT năm 2026',
  ],
  construction: [
    'Thẩm định hồ sơ cấp giấy phép xây dựng {q}',
    'Kiểm tra trật tự xây dựng trên địa bàn',
    'Thẩm định thiết kế cơ sở công trình',
  ],
  justice: [
    'Cấp phiếu lý lịch tư pháp {q}',
    'Giải quyết hồ sơ quốc tịch, hộ tịch có yếu tố nước ngoài',
    'Kiểm tra công tác chứng thực tại cấp xã',
  ],
  'legal-docs': [
    'Thẩm định dự thảo văn bản quy phạm pháp luật',
    'Rà soát, hệ thống hóa văn bản quy phạm pháp luật',
    'Kiểm tra văn bản do HĐND, UBND cấp huyện ban hành',
  ],
  'one-stop': [
    'Tiếp nhận, trả kết quả hồ sơ thủ tục hành chính {q}',
    'Hướng dẫn người dân nộp hồ sơ trực tuyến {q}',
    'Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính {q}',
    'Tổng hợp phản ánh, kiến nghị của người dân {q}',
  ],
  culture: [
    'Tổ chức các hoạt động văn hóa, thể thao chào mừng ngày lễ {q}',
    'Rà soát hộ nghèo, hộ cận nghèo năm 2026',
    'Kiểm tra hoạt động kinh doanh dịch vụ văn hóa {q}',
    'Chi trả trợ cấp xã hội {q}',
  ],
  commune: [
    'Giải quyết hồ sơ hộ tịch {q}',
    'Chứng thực bản sao, chữ ký {q}',
    'Quản lý trật tự xây dựng trên địa bàn',
    'Tổng hợp báo cáo kinh tế – xã hội {q}',
    'Rà soát hộ nghèo, hộ cận nghèo năm 2026',
  ],
};

/** Work every civil servant does besides their own field. */
export const commonTaskTitles = [
  'Rà soát thủ tục hành chính thuộc lĩnh vực phụ trách',
  'Góp ý dự thảo văn bản của {unit}',
  'Cập nhật hồ sơ công việc lên hệ thống quản lý văn bản và điều hành',
  'Báo cáo kết quả thực hiện nhiệm vụ {q}',
  'Tham gia đoàn kiểm tra công tác tại {unit}',
];

export const initiativeTitles = [
  'Số hóa quy trình tiếp nhận hồ sơ đăng ký đất đai',
  'Ứng dụng chữ ký số trong luân chuyển văn bản nội bộ',
  'Mô hình "Một cửa không chờ" tại bộ phận tiếp nhận',
  'Bộ công cụ theo dõi tiến độ giải quyết hồ sơ theo thời gian thực',
  'Giải pháp rút ngắn thời gian thẩm định dự toán ngân sách',
  'Chuẩn hóa biểu mẫu báo cáo thống kê cấp xã',
  'Phần mềm quản lý hồ sơ thi đua, khen thưởng',
  'Quy trình giám sát dịch bệnh dựa vào cộng đồng',
  'Cẩm nang hướng dẫn thủ tục hành chính bằng hình ảnh',
  'Bản đồ số quản lý trật tự xây dựng',
  'Hệ thống nhắc hạn xử lý đơn thư tự động',
  'Giải pháp lưu trữ điện tử hồ sơ địa chính',
];

/** Vị trí việc làm of the demo and their product catalogue (sản phẩm quy đổi) for 2026. */
export type CatalogueProduct = { code: string; name: string; unitOfCount: string; coefficient: number };
export type JobPositionSpec = { code: string; name: string; products: CatalogueProduct[] };

export const jobPositions: readonly JobPositionSpec[] = [
  {
    code: 'VTVL-MC',
    name: 'Công chức tiếp nhận và trả kết quả (một cửa)',
    products: [
      {
        code: 'MC01',
        name: 'Tiếp nhận, kiểm tra và trả kết quả hồ sơ TTHC',
        unitOfCount: 'hồ sơ',
        coefficient: 0.05,
      },
      {
        code: 'MC02',
        name: 'Hướng dẫn, hỗ trợ nộp hồ sơ trực tuyến',
        unitOfCount: 'lượt',
        coefficient: 0.02,
      },
      {
        code: 'MC03',
        name: 'Số hóa hồ sơ, kết quả giải quyết TTHC',
        unitOfCount: 'hồ sơ',
        coefficient: 0.02,
      },
      { code: 'MC04', name: 'Báo cáo tình hình giải quyết TTHC', unitOfCount: 'báo cáo', coefficient: 1 },
    ],
  },
  {
    code: 'VTVL-DC',
    name: 'Công chức địa chính, quản lý đất đai',
    products: [
      {
        code: 'DC01',
        name: 'Thẩm định hồ sơ cấp giấy chứng nhận quyền sử dụng đất',
        unitOfCount: 'hồ sơ',
        coefficient: 0.25,
      },
      { code: 'DC02', name: 'Kiểm tra, xác minh thực địa', unitOfCount: 'lượt', coefficient: 0.5 },
      { code: 'DC03', name: 'Hòa giải tranh chấp đất đai', unitOfCount: 'vụ', coefficient: 1.5 },
      { code: 'DC04', name: 'Báo cáo thống kê, kiểm kê đất đai', unitOfCount: 'báo cáo', coefficient: 2 },
    ],
  },
  {
    code: 'VTVL-KT',
    name: 'Kế toán',
    products: [
      { code: 'KT01', name: 'Lập, kiểm tra chứng từ thu, chi', unitOfCount: 'bộ chứng từ', coefficient: 0.1 },
      { code: 'KT02', name: 'Báo cáo tài chính, quyết toán', unitOfCount: 'báo cáo', coefficient: 3 },
      { code: 'KT03', name: 'Lập, thẩm định dự toán', unitOfCount: 'dự toán', coefficient: 2 },
    ],
  },
  {
    code: 'VTVL-TP',
    name: 'Công chức tư pháp, pháp chế',
    products: [
      { code: 'TP01', name: 'Đăng ký hộ tịch', unitOfCount: 'hồ sơ', coefficient: 0.1 },
      { code: 'TP02', name: 'Chứng thực bản sao, chữ ký', unitOfCount: 'việc', coefficient: 0.02 },
      {
        code: 'TP03',
        name: 'Thẩm định dự thảo văn bản quy phạm pháp luật',
        unitOfCount: 'văn bản',
        coefficient: 3,
      },
      { code: 'TP04', name: 'Rà soát, hệ thống hóa văn bản', unitOfCount: 'văn bản', coefficient: 0.5 },
    ],
  },
  {
    code: 'VTVL-VH',
    name: 'Công chức văn hóa – xã hội',
    products: [
      { code: 'VH01', name: 'Tổ chức sự kiện văn hóa, thể thao', unitOfCount: 'sự kiện', coefficient: 3 },
      { code: 'VH02', name: 'Kiểm tra hoạt động dịch vụ văn hóa', unitOfCount: 'cuộc', coefficient: 1 },
      { code: 'VH03', name: 'Thẩm định hồ sơ trợ cấp xã hội', unitOfCount: 'hồ sơ', coefficient: 0.2 },
      { code: 'VH04', name: 'Báo cáo chuyên đề', unitOfCount: 'báo cáo', coefficient: 1 },
    ],
  },
  {
    code: 'VTVL-LD',
    name: 'Lãnh đạo phòng, đơn vị',
    products: [
      {
        code: 'LD01',
        name: 'Chủ trì xây dựng kế hoạch, chương trình công tác',
        unitOfCount: 'kế hoạch',
        coefficient: 3,
      },
      { code: 'LD02', name: 'Ký duyệt, ban hành văn bản', unitOfCount: 'văn bản', coefficient: 0.1 },
      { code: 'LD03', name: 'Chủ trì hội nghị, cuộc họp chuyên đề', unitOfCount: 'cuộc', coefficient: 1 },
      { code: 'LD04', name: 'Kiểm tra, đôn đốc tại cơ sở', unitOfCount: 'cuộc', coefficient: 1.5 },
    ],
  },
  {
    code: 'VTVL-VP',
    name: 'Văn phòng, văn thư',
    products: [
      { code: 'VP01', name: 'Xử lý văn bản đến, đi', unitOfCount: 'văn bản', coefficient: 0.02 },
      { code: 'VP02', name: 'Soạn thảo văn bản hành chính', unitOfCount: 'văn bản', coefficient: 0.5 },
      { code: 'VP03', name: 'Tổ chức hội nghị, cuộc họp', unitOfCount: 'cuộc', coefficient: 1 },
      { code: 'VP04', name: 'Báo cáo định kỳ', unitOfCount: 'báo cáo', coefficient: 1 },
    ],
  },
  {
    code: 'VTVL-CV',
    name: 'Chuyên viên chuyên ngành',
    products: [
      { code: 'CV01', name: 'Tham mưu văn bản chuyên môn', unitOfCount: 'văn bản', coefficient: 1 },
      { code: 'CV02', name: 'Thẩm định hồ sơ, đề án', unitOfCount: 'hồ sơ', coefficient: 2 },
      { code: 'CV03', name: 'Báo cáo chuyên đề, định kỳ', unitOfCount: 'báo cáo', coefficient: 1 },
      { code: 'CV04', name: 'Kiểm tra, khảo sát tại cơ sở', unitOfCount: 'cuộc', coefficient: 1.5 },
    ],
  },
];

/** The job position of a post, by its title (leaders: the leadership position). */
export function jobPositionOf(title: string, leader: boolean): string {
  if (leader) return 'VTVL-LD';
  const t = title.toLowerCase();
  if (t.includes('tiếp nhận và trả kết quả') || t.includes('dịch vụ công')) return 'VTVL-MC';
  if (t.includes('đất đai') || t.includes('địa chính') || t.includes('đo đạc')) return 'VTVL-DC';
  if (t.includes('kế toán')) return 'VTVL-KT';
  if (t.includes('tư pháp') || t.includes('pháp chế') || t.includes('hộ tịch')) return 'VTVL-TP';
  if (t.includes('văn hóa') || t.includes('xã hội')) return 'VTVL-VH';
  if (t.includes('văn thư') || t.includes('văn phòng')) return 'VTVL-VP';
  return 'VTVL-CV';
}
