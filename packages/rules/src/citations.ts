// The legal instruments behind each rule, cited in every trace entry.
export const CITE = {
  nd335: 'Nghị định 335/2025/NĐ-CP',
  nd90: 'Nghị định 90/2020/NĐ-CP',
  timeWorked: 'Nghị định 90/2020/NĐ-CP, Điều 2 khoản 3',
  discipline: 'Nghị định 48/2023/NĐ-CP; Nghị định 335/2025/NĐ-CP',
  quota: 'Nghị định 335/2025/NĐ-CP (tỷ lệ hoàn thành xuất sắc nhiệm vụ)',
  leaders: 'Nghị định 335/2025/NĐ-CP (đánh giá người đứng đầu)',
  emulation: 'Luật Thi đua, khen thưởng 2022; Nghị định 98/2023/NĐ-CP',
  ldtt: 'Luật Thi đua, khen thưởng 2022 Điều 26; Thông tư 01/2024/TT-BNV',
  cstd: 'Luật Thi đua, khen thưởng 2022 Điều 21; Nghị định 98/2023/NĐ-CP',
  bangKhen: 'Nghị định 98/2023/NĐ-CP; Nghị định 152/2025/NĐ-CP',
  collective: 'Luật Thi đua, khen thưởng 2022 Điều 27–28',
  streamlining: 'Nghị định 154/2025/NĐ-CP',
  dismissal: 'Nghị định 90/2020/NĐ-CP; Luật Cán bộ, công chức',
  rotation: 'Luật Phòng, chống tham nhũng 2018 Điều 25; Nghị định 59/2019/NĐ-CP Điều 36–39',
  local: 'local',
} as const;

/** 96.4 → "96,4": Vietnamese decimal comma in sentences meant for staff. */
export function vn(value: number): string {
  return String(value).replace('.', ',');
}
