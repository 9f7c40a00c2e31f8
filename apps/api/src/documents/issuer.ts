import type { PrismaClient } from '@cadre/db';
import { loadAgencyBlock } from './agency.ts';
import { agencySigner, type Issuance, positionWord } from './issuance.ts';
import type { AgencyBlock } from './layout.ts';

// The issuer of a cycle's documents: the cycle's agency (its scope unit), its block, and the head
// who signs (the person leading that unit), read once per document.

export type Issuer = {
  unitId: string;
  agency: AgencyBlock;
  head: { name: string; positionTitle: string | null } | null;
  /** "Chủ tịch Ủy ban nhân dân tỉnh Hòa An", "Giám đốc Sở Nội vụ": who decides */
  decider: string;
};

export async function loadIssuer(prisma: PrismaClient, unitId: string): Promise<Issuer> {
  const [agency, head] = await Promise.all([
    loadAgencyBlock(prisma, unitId),
    prisma.person.findFirst({
      where: { leadsUnitId: unitId, active: true },
      orderBy: { code: 'asc' },
      select: { fullName: true, positionTitle: true },
    }),
  ]);
  const headWord =
    positionWord(head?.positionTitle) ?? (agency.abbreviation === 'UBND' ? 'Chủ tịch' : 'Giám đốc');
  return {
    unitId,
    agency,
    head: head ? { name: head.fullName, positionTitle: head.positionTitle } : null,
    decider: `${headWord} ${agency.name}`,
  };
}

/** The issuance of a document by the issuer: signed by `signerName` (a deputy signs "KT."). */
export function issuanceOf(
  issuer: Issuer,
  options: { number: string | null; date: Date | null; year: number; signerName?: string | null },
): Issuance {
  return {
    agency: issuer.agency,
    number: options.number,
    date: options.date,
    year: options.year,
    draft: options.number === null,
    signer: agencySigner({
      agency: issuer.agency,
      signerName: options.signerName ?? issuer.head?.name ?? null,
      head: issuer.head,
    }),
  };
}

/** "250/QĐ-UBND" → { number: "250", symbol: "QĐ-UBND" }; a bare "250" keeps the given symbol. */
export function splitDocumentNumber(value: string): { number: string; symbolText: string | null } {
  const [number, ...rest] = value.split('/');
  return { number: (number ?? value).trim(), symbolText: rest.length ? rest.join('/').trim() : null };
}

export const defaultExecutors = ['Chánh Văn phòng', 'Thủ trưởng các cơ quan, đơn vị có liên quan'];
