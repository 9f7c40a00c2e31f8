// The instruments a cycle's documents cite in their preamble (Căn cứ …), written as Vietnamese
// documents write them. The rules themselves live in packages/rules; these are only the words.

export const basis = {
  localGovernment: 'Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;',
  civilServants: 'Căn cứ Luật Cán bộ, công chức số 80/2025/QH15;',
  emulationLaw: 'Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15;',
  emulationDecree:
    'Căn cứ Nghị định số 152/2025/NĐ-CP của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;',
  ratingDecree335:
    'Căn cứ Nghị định số 335/2025/NĐ-CP của Chính phủ quy định về đánh giá, xếp loại chất lượng công chức;',
  ratingDecree90:
    'Căn cứ Nghị định số 90/2020/NĐ-CP ngày 13 tháng 8 năm 2020 của Chính phủ về đánh giá, xếp loại chất lượng cán bộ, công chức, viên chức và Nghị định số 48/2023/NĐ-CP ngày 17 tháng 7 năm 2023 sửa đổi, bổ sung một số điều của Nghị định số 90/2020/NĐ-CP;',
} as const;

/** The rating decree of a pack, as cited. */
export function ratingBasis(packId: string): string {
  return packId === 'vn-nd90-2020' ? basis.ratingDecree90 : basis.ratingDecree335;
}
