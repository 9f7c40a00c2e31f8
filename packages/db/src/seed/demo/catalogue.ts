// Job positions and the 2026 catalogue of products each position's work is converted to
// (Nghị định 335/2025); every person but the workers gets their position.
import type { Prisma } from '../../generated/prisma/client.ts';
import type { CatalogueProduct } from '../demo-province.ts';
import { jobPositionOf, jobPositions } from '../demo-province.ts';
import type { Draw, Staff } from './shared.ts';

export type CatalogueItem = CatalogueProduct & { id: string; main: boolean };

export type DemoCatalogue = {
  jobPositions: (Prisma.JobPositionCreateManyInput & { id: string })[];
  products: Prisma.ProductCreateManyInput[];
  /** the products of a job position, its main product first */
  itemsOf(jobPositionId: string): CatalogueItem[];
};

export function buildCatalogue({ newId }: Draw, { drafts }: Staff, cycleId: string): DemoCatalogue {
  // job positions and the 2026 catalogue: the products each position's work is converted to
  const jobPositionRows = jobPositions.map((position) => ({
    id: newId(),
    code: position.code,
    name: position.name,
  }));
  const jobPositionId = new Map(jobPositionRows.map((row) => [row.code, row.id]));
  const products = jobPositions.flatMap((position) =>
    position.products.map((product) => ({
      id: newId(),
      cycleId,
      jobPositionId: jobPositionId.get(position.code) ?? '',
      code: product.code,
      name: product.name,
      unitOfCount: product.unitOfCount,
      coefficient: product.coefficient,
    })),
  );
  const catalogue = new Map(
    jobPositions.map((position) => [
      position.code,
      position.products.map((product, i) => ({
        ...product,
        id:
          products.find(
            (p) => p.jobPositionId === jobPositionId.get(position.code) && p.code === product.code,
          )?.id ?? '',
        main: i === 0,
      })),
    ]),
  );
  for (const person of drafts) {
    if (person.row.category === 'NGUOI_LAO_DONG') continue; // no catalogue: free tasks only
    person.row.jobPositionId =
      jobPositionId.get(jobPositionOf(person.row.positionTitle ?? '', person.role !== 'staff')) ?? null;
  }
  // the reception desk of the province's service centre is its own group of similar tasks for the
  // excellent quota (a group inside one unit: a run in chunks keeps a unit whole)
  for (const person of drafts) {
    if (person.unit.spec.code === 'HA.VPUB.TTPVHCC' && person.role === 'staff' && person.row.citizenFacing) {
      person.row.quotaGroup = 'NHOM-TIEPNHAN';
    }
  }
  const positionCode = new Map(jobPositionRows.map((row) => [row.id, row.code]));
  return {
    jobPositions: jobPositionRows,
    products,
    itemsOf: (id) => catalogue.get(positionCode.get(id) ?? '') ?? [],
  };
}
