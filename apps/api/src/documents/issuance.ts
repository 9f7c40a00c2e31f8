import type { AgencyBlock, SignerBlock } from './layout.ts';

// Who issues a document, its number and date, and who signs it: shared by every decision, record
// and report of a cycle.

export type Issuance = {
  agency: AgencyBlock;
  /** null: a draft, the number filled in when it is issued */
  number: string | null;
  date: Date | null;
  year: number;
  signer: SignerBlock;
  draft?: boolean;
};

/** "Chủ tịch UBND tỉnh" → "Chủ tịch"; "Giám đốc Sở" → "Giám đốc". */
export function positionWord(title: string | null | undefined): string | null {
  if (!title) return null;
  const word = title
    .normalize('NFC')
    .replace(/\s+(UBND|Ủy ban|Sở|Ban|Hội đồng|Phòng|Trung tâm|Văn phòng)(\s.*)?$/iu, '')
    .trim();
  return word || null;
}

/**
 * The signer block of the agency's head or deputy: the head signs in their own position
 * ("CHỦ TỊCH"); a deputy signs for them ("KT. CHỦ TỊCH" over "PHÓ CHỦ TỊCH"). A People's Committee's
 * collective decisions are signed "TM. ỦY BAN NHÂN DÂN".
 */
export function agencySigner(options: {
  agency: AgencyBlock;
  signerName: string | null;
  /** the agency's head: their name and position title */
  head: { name: string; positionTitle: string | null } | null;
  /** the signer's own position title when known */
  signerPosition?: string | null;
  collective?: boolean;
}): SignerBlock {
  const committee = options.agency.abbreviation === 'UBND';
  const headWord = positionWord(options.head?.positionTitle) ?? (committee ? 'Chủ tịch' : 'Giám đốc');
  if (options.collective && committee) {
    return {
      authority: { kind: 'TM.', of: 'Ủy ban nhân dân' },
      position: headWord,
      name: options.signerName ?? options.head?.name ?? null,
    };
  }
  const name = options.signerName ?? options.head?.name ?? null;
  if (!name || (options.head && options.head.name === name)) {
    return { authority: null, position: headWord, name };
  }
  const deputy = positionWord(options.signerPosition) ?? `Phó ${headWord.toLocaleLowerCase('vi')}`;
  return { authority: { kind: 'KT.', of: headWord }, position: deputy, name };
}

/** 1.234.567 đồng, grouped the Vietnamese way. */
export function formatMoney(amount: number): string {
  return new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 }).format(amount);
}

/** 12,5 — one decimal with a comma. */
export function formatPoints(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return value.toFixed(1).replace('.', ',');
}

/** 45,5% */
export function formatPercent(part: number, whole: number): string {
  if (whole === 0) return '0%';
  return `${((100 * part) / whole).toFixed(1).replace('.', ',').replace(/,0$/, '')}%`;
}
