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
