import { Prisma, type PrismaClient, toSearchText } from '@cadre/db';
import type { Viewer } from '../../../scope/viewer.ts';
import { buildPeopleWhereSql } from '../build-people-where.ts';

// The people search, on two indexes of "Person": the trigram index over "searchName" and "code"
// finds every match, the pattern index over "searchName" gives the names that start with the words
// typed already in order (migrations 20261202120000_people_search, 20261203160000_people_prefix).
//
// A name matches where the words typed start a word of the name: "uyen" finds "Lê Uyên" and
// "Uyển Nhi" but not "Nguyễn". A code matches anywhere, case aside. The matches come in three
// tiers, each read only when the ones before it do not fill the page:
//   0. names starting with the words typed, by name ("pham" → every Phạm, read off the index);
//   1. codes starting with the text typed, by code;
//   2. the rest — the words start a later word of the name, or the code holds the text — by
//      trigram similarity to the words typed, then by name.
// A surname typed (the usual search, and the one with the most matches) costs one index range read
// of a page, however many people carry it.

/** `%`, `_` and the escape character itself taken literally in a LIKE pattern. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

export type PeopleSearch = {
  viewer: Viewer;
  search: string;
  /** the filter's unit subtree, or null for every unit */
  unitIds: string[] | null;
  activeOnly: boolean;
};

type Tier = 0 | 1 | 2;
const tiers: readonly Tier[] = [0, 1, 2];

function patterns(options: PeopleSearch) {
  const words = escapeLike(toSearchText(options.search));
  const code = escapeLike(options.search.trim());
  return {
    words: toSearchText(options.search),
    nameStarts: Prisma.sql`p."searchName" LIKE ${`${words}%`}`,
    codeStarts: Prisma.sql`p.code ILIKE ${`${code}%`}`,
    matches: Prisma.sql`((p."searchName" LIKE ${`%${words}%`} AND (' ' || p."searchName") LIKE ${`% ${words}%`}) OR p.code ILIKE ${`%${code}%`})`,
  };
}

/** Scope, unit subtree and activity: what every tier and the count share. */
function baseCondition(options: PeopleSearch): Prisma.Sql {
  const conditions = [buildPeopleWhereSql({ viewer: options.viewer })];
  if (options.unitIds) {
    conditions.push(
      options.unitIds.length === 0
        ? Prisma.sql`FALSE`
        : Prisma.sql`p."unitId" IN (${Prisma.join(options.unitIds)})`,
    );
  }
  if (options.activeOnly) conditions.push(Prisma.sql`p.active`);
  return Prisma.join(conditions, ' AND ');
}

function tierCondition(options: PeopleSearch, tier: Tier): Prisma.Sql {
  const { nameStarts, codeStarts, matches } = patterns(options);
  switch (tier) {
    case 0:
      return nameStarts;
    case 1:
      return Prisma.sql`${codeStarts} AND NOT (${nameStarts})`;
    case 2:
      return Prisma.sql`${matches} AND NOT (${nameStarts}) AND NOT (${codeStarts})`;
  }
}

/** The tier's order, ascending or descending, and the condition "after (or before) the cursor". */
function tierOrder(options: PeopleSearch, tier: Tier, forward: boolean, afterId: string | null) {
  const { words } = patterns(options);
  const desc = forward ? Prisma.empty : Prisma.sql` DESC`;
  const cursor = (column: string) =>
    Prisma.sql`(SELECT ${Prisma.raw(column)} FROM "Person" c WHERE c.id = ${afterId})`;
  switch (tier) {
    case 0: {
      // the pattern index's own order (byte order: "searchName" is plain lower-case ASCII)
      const beyond = forward ? Prisma.sql`~>~` : Prisma.sql`~<~`;
      return {
        orderBy: Prisma.sql`p."searchName" USING ${forward ? Prisma.sql`~<~` : Prisma.sql`~>~`}, p.id${desc}`,
        after: afterId
          ? Prisma.sql`AND (p."searchName" ${beyond} ${cursor('c."searchName"')} OR (p."searchName" = ${cursor('c."searchName"')} AND p.id ${forward ? Prisma.sql`>` : Prisma.sql`<`} ${afterId}))`
          : Prisma.empty,
      };
    }
    case 1:
      return {
        orderBy: Prisma.sql`p.code${desc}, p.id${desc}`,
        after: afterId
          ? Prisma.sql`AND (p.code, p.id) ${forward ? Prisma.sql`>` : Prisma.sql`<`} (SELECT c.code, c.id FROM "Person" c WHERE c.id = ${afterId})`
          : Prisma.empty,
      };
    case 2:
      return {
        orderBy: Prisma.sql`-similarity(p."searchName", ${words})${desc}, p."fullName"${desc}, p.id${desc}`,
        after: afterId
          ? Prisma.sql`AND (-similarity(p."searchName", ${words}), p."fullName", p.id) ${forward ? Prisma.sql`>` : Prisma.sql`<`} (SELECT -similarity(c."searchName", ${words}), c."fullName", c.id FROM "Person" c WHERE c.id = ${afterId})`
          : Prisma.empty,
      };
  }
}

/** The tier of the person `id` in this search, or null when they do not match it (any more). */
async function tierOf(options: PeopleSearch & { prisma: PrismaClient }, id: string): Promise<Tier | null> {
  const { nameStarts, codeStarts, matches } = patterns(options);
  const [row] = await options.prisma.$queryRaw<{ tier: number }[]>(Prisma.sql`
    SELECT CASE WHEN ${nameStarts} THEN 0 WHEN ${codeStarts} THEN 1 ELSE 2 END AS tier
    FROM "Person" p WHERE p.id = ${id} AND ${matches}`);
  return row ? (row.tier as Tier) : null;
}

/**
 * One page of the people matching, in rank order: `take` ids after the person `afterId` (or before
 * it with a negative `take`, as a Relay `last`), none of them `afterId` itself.
 */
export async function searchPeoplePage(
  options: PeopleSearch & { prisma: PrismaClient; afterId: string | null; take: number },
): Promise<string[]> {
  const forward = options.take >= 0;
  const limit = Math.abs(options.take);
  let cursorTier: Tier | null = null;
  if (options.afterId) {
    cursorTier = await tierOf(options, options.afterId);
    if (cursorTier === null) return [];
  }
  // forward: the cursor's tier from the cursor on, then the later tiers; backward: the reverse
  const order = forward ? tiers : [...tiers].reverse();
  const ids: string[] = [];
  for (const tier of order) {
    if (ids.length >= limit) break;
    if (cursorTier !== null && (forward ? tier < cursorTier : tier > cursorTier)) continue;
    const { orderBy, after } = tierOrder(
      options,
      tier,
      forward,
      tier === cursorTier ? options.afterId : null,
    );
    const rows = await options.prisma.$queryRaw<{ id: string }[]>(Prisma.sql`
      SELECT p.id FROM "Person" p
      WHERE ${baseCondition(options)} AND ${tierCondition(options, tier)} ${after}
      ORDER BY ${orderBy}
      LIMIT ${limit - ids.length}`);
    for (const row of rows) ids.push(row.id);
  }
  return forward ? ids : ids.reverse();
}

/** How many people match (the connection's totalCount). */
export async function countPeopleMatches(options: PeopleSearch & { prisma: PrismaClient }): Promise<number> {
  const [row] = await options.prisma.$queryRaw<{ count: number }[]>(
    Prisma.sql`SELECT count(*)::int AS count FROM "Person" p WHERE ${baseCondition(options)} AND ${patterns(options).matches}`,
  );
  return row?.count ?? 0;
}
