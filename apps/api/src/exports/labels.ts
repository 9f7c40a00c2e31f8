import type {
  DisciplineForm,
  FlagKind,
  Gender,
  InfractionKind,
  InitiativeKind,
  InitiativeScope,
  Rating,
  SensitiveSector,
  StaffCategory,
  TitleKind,
  UnitKind,
} from '@cadre/db';

// Vietnamese labels of the enums, as printed on exports and accepted on imports.
// (The rules engine will export its own rating/title labels; these match them word for word.)

export const ratingLabels: Record<Rating, string> = {
  EXCELLENT: 'Hoàn thành xuất sắc nhiệm vụ',
  GOOD: 'Hoàn thành tốt nhiệm vụ',
  COMPLETED: 'Hoàn thành nhiệm vụ',
  NOT_COMPLETED: 'Không hoàn thành nhiệm vụ',
  NOT_RATED: 'Chưa xếp loại',
};

export const titleLabels: Record<TitleKind, string> = {
  LDTT: 'Lao động tiên tiến',
  CSTDCS: 'Chiến sĩ thi đua cơ sở',
  CSTD_TINH: 'Chiến sĩ thi đua cấp tỉnh',
  CSTD_TOAN_QUOC: 'Chiến sĩ thi đua toàn quốc',
  GIAY_KHEN: 'Giấy khen',
  BANG_KHEN: 'Bằng khen',
  TAP_THE_LDTT: 'Tập thể lao động tiên tiến',
  TAP_THE_LDXS: 'Tập thể lao động xuất sắc',
  CO_THI_DUA: 'Cờ thi đua',
};

export const flagLabels: Record<FlagKind, string> = {
  ROTATION: 'Chuyển đổi vị trí công tác',
  STREAMLINING: 'Tinh giản biên chế',
  DISMISSAL_REVIEW: 'Xem xét thôi việc',
  WEAK_PERFORMANCE: 'Chuyển đổi do hiệu quả thấp',
};

export const unitKindLabels: Record<UnitKind, string> = {
  PROVINCE: 'Tỉnh',
  DEPARTMENT: 'Sở, ban, ngành',
  DISTRICT: 'Huyện, khu vực',
  COMMUNE: 'Xã',
  DIVISION: 'Phòng, ban',
  CENTER: 'Trung tâm',
  WARD: 'Phường',
  SPECIAL_ZONE: 'Đặc khu',
};

export const categoryLabels: Record<StaffCategory, string> = {
  CAN_BO: 'Cán bộ',
  CONG_CHUC: 'Công chức',
  VIEN_CHUC: 'Viên chức',
  NGUOI_LAO_DONG: 'Người lao động',
};

export const genderLabels: Record<Gender, string> = { MALE: 'Nam', FEMALE: 'Nữ' };

export const sectorLabels: Record<SensitiveSector, string> = {
  PERSONNEL: 'Tổ chức cán bộ',
  FINANCE: 'Tài chính',
  PUBLIC_ASSETS: 'Tài sản công',
  INVESTMENT: 'Đầu tư',
  CITIZEN_SERVICE: 'Giải quyết công việc của người dân, doanh nghiệp',
  LAND: 'Đất đai',
  INSPECTION: 'Thanh tra',
};

export const disciplineLabels: Record<DisciplineForm, string> = {
  KHIEN_TRACH: 'Khiển trách',
  CANH_CAO: 'Cảnh cáo',
  HA_BAC_LUONG: 'Hạ bậc lương',
  GIANG_CHUC: 'Giáng chức',
  CACH_CHUC: 'Cách chức',
  BAI_NHIEM: 'Bãi nhiệm',
  BUOC_THOI_VIEC: 'Buộc thôi việc',
};

export const infractionLabels: Record<InfractionKind, string> = {
  LATE: 'Đi muộn',
  ABSENT: 'Vắng mặt',
  CONDUCT: 'Vi phạm tác phong, ứng xử',
  COMPLAINT_UPHELD: 'Khiếu nại có cơ sở',
};

export const initiativeKindLabels: Record<InitiativeKind, string> = {
  INITIATIVE: 'Sáng kiến',
  RESEARCH: 'Đề tài nghiên cứu',
};

export const initiativeScopeLabels: Record<InitiativeScope, string> = {
  GRASSROOTS: 'Cơ sở',
  PROVINCE: 'Cấp tỉnh',
  NATIONAL: 'Toàn quốc',
};

/** dd/MM/yyyy, the way dates are written on Vietnamese documents. */
export function formatDateVi(date: Date | null | undefined): string {
  if (!date) return '';
  const day = String(date.getUTCDate()).padStart(2, '0');
  const month = String(date.getUTCMonth() + 1).padStart(2, '0');
  return `${day}/${month}/${date.getUTCFullYear()}`;
}
