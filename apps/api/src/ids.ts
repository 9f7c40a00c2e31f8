import { randomBytes } from 'node:crypto';
import { ValidationError } from './errors.ts';

export type GlobalId = { typename: string; id: string };

/** The database id inside a Relay global id, after checking it names the expected type. */
export function localId(globalId: GlobalId, typename: string, field: string): string {
  if (globalId.typename !== typename) {
    throw new ValidationError([
      {
        field,
        message: `Cần mã của ${typename} / expected an id of a ${typename}, got ${globalId.typename}`,
      },
    ]);
  }
  return globalId.id;
}

/** Like localId for optional inputs: undefined stays undefined (not given), null stays null (cleared). */
export function optionalLocalId(
  globalId: GlobalId | null | undefined,
  typename: string,
  field: string,
): string | null | undefined {
  if (globalId === undefined) return undefined;
  if (globalId === null) return null;
  return localId(globalId, typename, field);
}

/** A time-ordered UUID (version 7), like Prisma's uuid(7) default, for rows written with raw SQL. */
export function uuidv7(): string {
  const bytes = randomBytes(16);
  const ms = BigInt(Date.now());
  for (let index = 0; index < 6; index += 1) bytes[index] = Number((ms >> BigInt(8 * (5 - index))) & 0xffn);
  bytes[6] = 0x70 | ((bytes[6] ?? 0) & 0x0f);
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
