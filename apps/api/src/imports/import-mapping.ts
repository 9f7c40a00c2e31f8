import type { ImportKind, PrismaClient } from '@cadre/db';
import { headerKey } from './convert-rows.ts';
import type { ImportKindSpec } from './import-kind.ts';
import type { RawCell } from './read-table-types.ts';

/** A source system's headers for an import kind: { column key: the source's heading }. */
export type ImportMappingColumns = Record<string, string>;

/** The mapping saved for a source system (e.g. "iGate", "VNPT iOffice"), or null. */
export async function readImportMapping(
  prisma: PrismaClient,
  kind: ImportKind,
  source: string | null | undefined,
): Promise<ImportMappingColumns | null> {
  const name = source?.trim();
  if (!name) return null;
  const row = await prisma.importMapping.findUnique({ where: { kind_source: { kind, source: name } } });
  if (!row?.columns || typeof row.columns !== 'object' || Array.isArray(row.columns)) return null;
  return Object.fromEntries(
    Object.entries(row.columns as Record<string, unknown>).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
}

/**
 * Renames a source's headings to the template's, by name (without diacritics, case or
 * punctuation): columns are found wherever they stand, and headings the mapping does not name are
 * left as they are (the template's own headings still work).
 */
export function applyImportMapping(
  spec: ImportKindSpec,
  header: RawCell[],
  mapping: ImportMappingColumns | null,
): RawCell[] {
  if (!mapping) return header;
  const bySourceHeading = new Map<string, string>();
  for (const column of spec.columns) {
    const heading = mapping[column.key];
    if (heading) bySourceHeading.set(headerKey(heading), column.header);
  }
  return header.map((cell) => {
    if (cell === null) return cell;
    return bySourceHeading.get(headerKey(String(cell))) ?? cell;
  });
}
