import type { PrismaClient, UnitKind } from '@cadre/db';
import type { AgencyBlock } from './layout.ts';

// The agency block (Nghị định 30/2020, Phụ lục I, ô số 2) of a unit: a People's Committee (tỉnh,
// xã, phường, huyện) prints its own name on two lines without a parent; a department or agency
// prints the People's Committee above it; a division or centre prints the unit above it.

export type UnitLine = { id: string; name: string; kind: UnitKind };

const committee = /^(UBND|Ủy ban nhân dân|ỦY BAN NHÂN DÂN)\s+/iu;
const levelWords = /^(tỉnh|thành phố|xã|phường|đặc khu|huyện|thị xã|thị trấn|quận)\s+/iu;

/** "UBND tỉnh Hòa An" → "Hòa An"; a name without a level word is returned as it is. */
export function placeName(name: string): string {
  return name.replace(committee, '').replace(levelWords, '').trim();
}

/** Chữ viết tắt: the initials of the name's words, "và" and dashes left out (Sở Tài nguyên và Môi trường → STNMT). */
export function abbreviate(name: string): string {
  if (committee.test(name)) return 'UBND';
  return name
    .normalize('NFC')
    .split(/[\s,]+/u)
    .filter((word) => word && !/^(và|[–-])$/iu.test(word))
    .map((word) => (word[0] ?? '').toLocaleUpperCase('vi'))
    .join('');
}

function isCommittee(unit: UnitLine): boolean {
  return unit.kind === 'PROVINCE' || unit.kind === 'COMMUNE' || unit.kind === 'DISTRICT';
}

/** The name in running text: "UBND tỉnh Hòa An" → "Ủy ban nhân dân tỉnh Hòa An". */
export function runningName(name: string): string {
  return name.replace(committee, 'Ủy ban nhân dân ');
}

/** A People's Committee's own name, as printed: "ỦY BAN NHÂN DÂN" over "TỈNH HÒA AN". */
function committeeLines(name: string): string[] {
  const rest = name.replace(committee, '').trim();
  return committee.test(name) ? ['ỦY BAN NHÂN DÂN', rest] : [name];
}

/**
 * The block for a unit, given it and its ancestors (nearest first). The place is the name of the
 * nearest province or commune (for a department of the province: the province).
 */
export function agencyBlock(unit: UnitLine, ancestors: UnitLine[]): AgencyBlock {
  const chain = [unit, ...ancestors];
  const placeUnit =
    chain.find((entry) => entry.kind === 'COMMUNE' || entry.kind === 'PROVINCE') ??
    chain.find(isCommittee) ??
    unit;
  const place = placeName(placeUnit.name);
  if (isCommittee(unit)) {
    return {
      parent: null,
      issuer: committeeLines(unit.name),
      abbreviation: 'UBND',
      place,
      name: runningName(unit.name),
    };
  }
  const parent = ancestors[0] ?? null;
  return {
    parent: parent ? parent.name : null,
    issuer: [unit.name],
    abbreviation: abbreviate(unit.name),
    place,
    name: unit.name,
  };
}

/** The agency block of a council (Hội đồng thi đua – khen thưởng) set up by a unit. */
export function councilAgencyBlock(councilName: string, scope: AgencyBlock): AgencyBlock {
  const parent = scope.issuer.length > 1 ? `UBND ${scope.issuer.slice(1).join(' ')}` : scope.issuer[0];
  return {
    parent: parent ?? null,
    issuer: [councilName],
    abbreviation: abbreviate(councilName.replace(/\s+(tỉnh|xã|phường|huyện)(\s.*)?$/iu, '')),
    place: scope.place,
    name: councilName,
  };
}

/** Reads a unit and its ancestors and builds its agency block. */
export async function loadAgencyBlock(prisma: PrismaClient, unitId: string): Promise<AgencyBlock> {
  const chain: UnitLine[] = [];
  let current: string | null = unitId;
  const seen = new Set<string>();
  while (current && !seen.has(current) && chain.length < 20) {
    seen.add(current);
    const row: { id: string; name: string; kind: UnitKind; parentId: string | null } | null =
      await prisma.unit.findUnique({
        where: { id: current },
        select: { id: true, name: true, kind: true, parentId: true },
      });
    if (!row) break;
    chain.push({ id: row.id, name: row.name, kind: row.kind });
    current = row.parentId;
  }
  const [unit, ...ancestors] = chain;
  if (!unit) return { parent: null, issuer: [''], abbreviation: '', place: '', name: '' };
  return agencyBlock(unit, ancestors);
}
