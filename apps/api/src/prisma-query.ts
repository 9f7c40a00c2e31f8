/**
 * Pothos hands resolvers an empty `select` when a client asks only for `__typename` of a
 * mutation result; Prisma refuses an empty select, so ask for the id in that case.
 */
export function nonEmpty<T extends object>(query: T): T {
  const select = (query as { select?: object }).select;
  if (select && Object.keys(select).length === 0) return { ...query, select: { id: true } };
  return query;
}
