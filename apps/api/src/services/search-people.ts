import { Prisma, type PrismaClient, toSearchText } from '@cadre/db';
import { buildPeopleWhereSql } from '../scope/build-people-where.ts';
import type { Viewer } from '../scope/viewer.ts';

// The people search: one statement on the trigram index over "searchName" and "code"
// (migration 20261202120000_people_search), ranked by similarity.
//
// A name matches where the words typed start a word of the name: "uyen" finds "Lê Uyên" and
// "Uyển Nhi" but not "Nguyễn" (the index finds every name holding "uyen"; the word-start test
// keeps the ones where it begins a word). A code matches anywhere, case aside. Names starting
// with the words typed come first, then codes starting with them, then by trigram similarity,
// then by name.

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

function matchCondition(options: PeopleSearch): Prisma.Sql {
  const words = toSearchText(options.search);
  const code = options.search.trim();
  const conditions = [
    buildPeopleWhereSql({ viewer: options.viewer }),
    Prisma.sql`((p."searchName" LIKE ${`%${escapeLike(words)}%`} AND (' ' || p."searchName") LIKE ${`% ${escapeLike(words)}%`}) OR p.code ILIKE ${`%${escapeLike(code)}%`})`,
  ];
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

/** The ranking key, every part ascending (so a row comparison continues after a cursor). */
function rankKey(options: PeopleSearch, alias: string): Prisma.Sql {
  const words = toSearchText(options.search);
  const code = options.search.trim();
  const p = Prisma.raw(alias);
  return Prisma.sql`NOT (${p}."searchName" LIKE ${`${escapeLike(words)}%`}), NOT (${p}.code ILIKE ${`${escapeLike(code)}%`}), -similarity(${p}."searchName", ${words}), ${p}."fullName", ${p}.id`;
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
  const after = options.afterId
    ? Prisma.sql`AND (${rankKey(options, 'p')}) ${forward ? Prisma.sql`>` : Prisma.sql`<`} (SELECT ${rankKey(options, 'c')} FROM "Person" c WHERE c.id = ${options.afterId})`
    : Prisma.empty;
  const direction = forward ? Prisma.empty : Prisma.sql` DESC`;
  const words = toSearchText(options.search);
  const code = options.search.trim();
  const rows = await options.prisma.$queryRaw<{ id: string }[]>(Prisma.sql`
    SELECT p.id FROM "Person" p
    WHERE ${matchCondition(options)} ${after}
    ORDER BY NOT (p."searchName" LIKE ${`${escapeLike(words)}%`})${direction},
      NOT (p.code ILIKE ${`${escapeLike(code)}%`})${direction},
      -similarity(p."searchName", ${words})${direction}, p."fullName"${direction}, p.id${direction}
    LIMIT ${limit}`);
  const ids = rows.map((row) => row.id);
  return forward ? ids : ids.reverse();
}

/** How many people match (the connection's totalCount). */
export async function countPeopleMatches(options: PeopleSearch & { prisma: PrismaClient }): Promise<number> {
  const [row] = await options.prisma.$queryRaw<{ count: number }[]>(
    Prisma.sql`SELECT count(*)::int AS count FROM "Person" p WHERE ${matchCondition(options)}`,
  );
  return row?.count ?? 0;
}
