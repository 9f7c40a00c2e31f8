import { createHash } from 'node:crypto';
import type { NationalExport, PrismaClient, Rating } from '@cadre/db';
import { nationalExportDueOn } from '@cadre/rules';
import { writeAudit } from '../domains/audit/services/write-audit.ts';
import { buildCyclesWhere } from '../domains/cycles/build-cycles-where.ts';
import { assertManages, findVisibleCycle } from '../domains/cycles/cycle-access.ts';
import { ConflictError } from '../errors.ts';
import { disciplineLabels, ratingLabels, titleLabels } from '../exports/labels.ts';
import { unitInScope, type Viewer } from '../scope/viewer.ts';
import { baseSalaryOf, rewardAmount } from './reward-money.ts';

// The file for the national personnel database (Nghị định 27/2026/NĐ-CP): per published cycle, the
// ratings, titles (with reward money), and discipline decisions of the year, keyed by the 12-digit
// personal identification number; JSON or XML of the same documented schema
// (docs/national-export.md, docs/national-export.schema.json). Every export is recorded — what,
// when, by whom, its sha256 — so the office can prove it sent within 3 working days.

export const nationalSchemaVersion = '1.0';
export const nationalSchemaId = 'https://cadre-eval.local/schemas/national-personnel-export/1.0';

const day = (date: Date | null | undefined) => (date ? date.toISOString().slice(0, 10) : null);

export type NationalRecord = {
  personalId: string;
  staffCode: string;
  fullName: string;
  birthDate: string | null;
  gender: 'MALE' | 'FEMALE' | null;
  category: string;
  position: string | null;
  unit: { code: string; name: string };
  rating: {
    year: number;
    rating: Rating;
    label: string;
    score: number | null;
    decisionNumber: string | null;
    decidedOn: string | null;
  } | null;
  titles: {
    title: string;
    label: string;
    decisionNumber: string;
    decidedOn: string;
    rewardAmount: number | null;
    revoked: boolean;
  }[];
  discipline: {
    form: string;
    label: string;
    decisionNumber: string | null;
    decidedOn: string;
    concernsDuties: boolean;
  }[];
};

export type NationalFile = {
  schema: string;
  schemaVersion: string;
  legalBasis: string;
  generatedAt: string;
  agency: { code: string; name: string };
  cycle: { year: number; name: string; publishedOn: string | null };
  decidedUntil: string | null;
  records: NationalRecord[];
  excluded: { missingPersonalId: number };
};

/** The file's content and the latest decision date it carries. */
export async function buildNationalFile(options: {
  prisma: PrismaClient;
  viewer: Viewer;
  cycleId: string;
  now?: Date;
}): Promise<NationalFile> {
  const { prisma, viewer } = options;
  const cycle = await findVisibleCycle(prisma, viewer, options.cycleId);
  assertManages(viewer, cycle);
  if (cycle.status !== 'PUBLISHED' && cycle.status !== 'ARCHIVED') {
    throw new ConflictError(
      'Chỉ gửi kết quả của kỳ đã công bố / only a published cycle is sent to the national database',
    );
  }
  const yearStart = new Date(Date.UTC(cycle.year, 0, 1));
  const yearEnd = new Date(Date.UTC(cycle.year + 1, 0, 1));
  const [agency, ratingDecision, results] = await Promise.all([
    prisma.unit.findUnique({ where: { id: cycle.scopeUnitId }, select: { code: true, name: true } }),
    prisma.issuedDocument.findFirst({
      where: { cycleId: cycle.id, kind: 'RATING_DECISION' },
      orderBy: { createdAt: 'desc' },
      select: { number: true, issuedOn: true },
    }),
    prisma.evaluationResult.findMany({
      where: { cycleId: cycle.id },
      orderBy: { personId: 'asc' },
      select: {
        score: true,
        finalRating: true,
        decidedAt: true,
        person: {
          select: {
            id: true,
            personalId: true,
            code: true,
            fullName: true,
            birthDate: true,
            gender: true,
            category: true,
            positionTitle: true,
            unit: { select: { code: true, name: true } },
            awards: {
              where: { decision: { cycleId: cycle.id } },
              select: {
                title: true,
                revokedByDecisionId: true,
                decision: { select: { number: true, decidedOn: true } },
              },
            },
            discipline: {
              where: { decidedOn: { gte: yearStart, lt: yearEnd } },
              orderBy: { decidedOn: 'asc' },
              select: { form: true, number: true, decidedOn: true, concernsDuties: true },
            },
          },
        },
      },
    }),
  ]);
  const baseSalary = baseSalaryOf(cycle.packId, cycle.overrides);
  const ratingOn = ratingDecision?.issuedOn ?? cycle.publishedAt;
  let missing = 0;
  let latest: Date | null = ratingOn ?? null;
  const later = (date: Date | null | undefined) => {
    if (date && (!latest || date > latest)) latest = date;
  };
  const records: NationalRecord[] = [];
  for (const result of results) {
    const person = result.person;
    if (!person.personalId || !/^\d{12}$/.test(person.personalId)) {
      missing += 1;
      continue;
    }
    for (const award of person.awards) later(award.decision.decidedOn);
    for (const entry of person.discipline) later(entry.decidedOn);
    records.push({
      personalId: person.personalId,
      staffCode: person.code,
      fullName: person.fullName.normalize('NFC'),
      birthDate: day(person.birthDate),
      gender: person.gender,
      category: person.category,
      position: person.positionTitle,
      unit: { code: person.unit.code, name: person.unit.name },
      rating: {
        year: cycle.year,
        rating: result.finalRating,
        label: ratingLabels[result.finalRating],
        score: result.score,
        decisionNumber: ratingDecision?.number ?? null,
        decidedOn: day(ratingOn),
      },
      titles: person.awards.map((award) => ({
        title: award.title,
        label: titleLabels[award.title],
        decisionNumber: award.decision.number,
        decidedOn: day(award.decision.decidedOn) ?? '',
        rewardAmount: rewardAmount(cycle.packId, award.title, baseSalary),
        revoked: award.revokedByDecisionId !== null,
      })),
      discipline: person.discipline.map((entry) => ({
        form: entry.form,
        label: disciplineLabels[entry.form],
        decisionNumber: entry.number,
        decidedOn: day(entry.decidedOn) ?? '',
        concernsDuties: entry.concernsDuties,
      })),
    });
  }
  return {
    schema: nationalSchemaId,
    schemaVersion: nationalSchemaVersion,
    legalBasis: 'Nghị định 27/2026/NĐ-CP',
    generatedAt: (options.now ?? new Date()).toISOString(),
    agency: { code: agency?.code ?? '', name: agency?.name ?? '' },
    cycle: { year: cycle.year, name: cycle.name, publishedOn: day(cycle.publishedAt) },
    decidedUntil: day(latest),
    records,
    excluded: { missingPersonalId: missing },
  };
}

function escapeXml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function element(name: string, value: string | number | boolean | null, indent: string): string {
  if (value === null) return `${indent}<${name}/>`;
  return `${indent}<${name}>${escapeXml(String(value))}</${name}>`;
}

/** The same content as XML (elements named as the JSON keys; lists as repeated elements). */
export function nationalFileToXml(file: NationalFile): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<nationalPersonnelExport xmlns="${nationalSchemaId}" schemaVersion="${file.schemaVersion}">`,
    element('legalBasis', file.legalBasis, '  '),
    element('generatedAt', file.generatedAt, '  '),
    '  <agency>',
    element('code', file.agency.code, '    '),
    element('name', file.agency.name, '    '),
    '  </agency>',
    '  <cycle>',
    element('year', file.cycle.year, '    '),
    element('name', file.cycle.name, '    '),
    element('publishedOn', file.cycle.publishedOn, '    '),
    '  </cycle>',
    element('decidedUntil', file.decidedUntil, '  '),
    '  <records>',
  ];
  for (const record of file.records) {
    lines.push(`    <record personalId="${record.personalId}">`);
    for (const key of ['staffCode', 'fullName', 'birthDate', 'gender', 'category', 'position'] as const) {
      lines.push(element(key, record[key], '      '));
    }
    lines.push(
      '      <unit>',
      element('code', record.unit.code, '        '),
      element('name', record.unit.name, '        '),
      '      </unit>',
    );
    if (record.rating) {
      lines.push('      <rating>');
      for (const [key, value] of Object.entries(record.rating)) lines.push(element(key, value, '        '));
      lines.push('      </rating>');
    }
    lines.push('      <titles>');
    for (const title of record.titles) {
      lines.push('        <title>');
      for (const [key, value] of Object.entries(title)) lines.push(element(key, value, '          '));
      lines.push('        </title>');
    }
    lines.push('      </titles>', '      <discipline>');
    for (const entry of record.discipline) {
      lines.push('        <decision>');
      for (const [key, value] of Object.entries(entry)) lines.push(element(key, value, '          '));
      lines.push('        </decision>');
    }
    lines.push('      </discipline>', '    </record>');
  }
  lines.push(
    '  </records>',
    `  <excluded missingPersonalId="${file.excluded.missingPersonalId}"/>`,
    '</nationalPersonnelExport>',
    '',
  );
  return lines.join('\n');
}

/** Builds the file, records the export (and audits it), and returns the bytes. */
export async function exportToNationalDatabase(options: {
  prisma: PrismaClient;
  viewer: Viewer;
  cycleId: string;
  format: 'json' | 'xml';
  now?: Date;
}): Promise<{ record: NationalExport; fileName: string; content: Buffer }> {
  const file = await buildNationalFile(options);
  const content = Buffer.from(
    options.format === 'json' ? `${JSON.stringify(file, null, 2)}\n` : nationalFileToXml(file),
    'utf8',
  );
  const sha256 = createHash('sha256').update(content).digest('hex');
  const fileName = `csdl-quoc-gia-${file.agency.code}-${file.cycle.year}-v${nationalSchemaVersion}.${options.format}`;
  const decidedUntil = file.decidedUntil ? new Date(`${file.decidedUntil}T00:00:00Z`) : null;
  const record = await options.prisma.$transaction(async (tx) => {
    const created = await tx.nationalExport.create({
      data: {
        cycleId: options.cycleId,
        schemaVersion: nationalSchemaVersion,
        format: options.format,
        fileName,
        sha256,
        bytes: content.length,
        records: file.records.length,
        decidedUntil,
        dueOn: decidedUntil ? nationalExportDueOn(decidedUntil) : null,
        createdById: options.viewer.userId,
        createdByName: options.viewer.displayName,
        ...(options.now ? { createdAt: options.now } : {}),
      },
    });
    // what was sent is in the audit log by its checksum, never its content
    await writeAudit({
      tx,
      actor: options.viewer,
      action: 'NATIONAL_EXPORT',
      entity: 'NationalExport',
      entityId: created.id,
      after: { cycleId: options.cycleId, format: options.format, records: created.records, sha256 },
    });
    return created;
  });
  return { record, fileName, content };
}

export type NationalDeadline = {
  cycleId: string;
  cycleName: string;
  year: number;
  decidedUntil: Date | null;
  dueOn: Date | null;
  lastSentAt: Date | null;
  lastSha256: string | null;
  /** SENT: sent after the latest decision, by the due date; LATE: sent, after it; DUE: not yet, still in time; OVERDUE */
  status: 'SENT' | 'LATE' | 'DUE' | 'OVERDUE';
};

/** Per published cycle the viewer manages: the latest decision, the due date and what was sent. */
export async function listNationalDeadlines(options: {
  prisma: PrismaClient;
  viewer: Viewer;
  now?: Date;
}): Promise<NationalDeadline[]> {
  const { prisma, viewer } = options;
  if (viewer.role !== 'ADMIN' && viewer.role !== 'OFFICER') return [];
  const now = options.now ?? new Date();
  const cycles = (
    await prisma.cycle.findMany({
      where: { status: { in: ['PUBLISHED', 'ARCHIVED'] }, AND: [buildCyclesWhere({ viewer })] },
      orderBy: [{ year: 'desc' }, { name: 'asc' }],
      select: { id: true, name: true, year: true, scopeUnitId: true, publishedAt: true },
    })
  ).filter((cycle) => unitInScope(viewer, cycle.scopeUnitId));
  const ids = cycles.map((cycle) => cycle.id);
  const [titleDates, ratingDocs, exports] = await Promise.all([
    prisma.titleDecision.groupBy({
      by: ['cycleId'],
      where: { cycleId: { in: ids } },
      _max: { decidedOn: true },
    }),
    prisma.issuedDocument.groupBy({
      by: ['cycleId'],
      where: { cycleId: { in: ids }, kind: 'RATING_DECISION' },
      _max: { issuedOn: true },
    }),
    prisma.nationalExport.findMany({
      where: { cycleId: { in: ids } },
      orderBy: { createdAt: 'desc' },
      select: { cycleId: true, createdAt: true, sha256: true },
    }),
  ]);
  const titleOf = new Map(titleDates.map((row) => [row.cycleId, row._max.decidedOn]));
  const ratingOf = new Map(ratingDocs.map((row) => [row.cycleId, row._max.issuedOn]));
  return cycles.map((cycle) => {
    const dates = [cycle.publishedAt, titleOf.get(cycle.id), ratingOf.get(cycle.id)].filter(
      (date): date is Date => date instanceof Date,
    );
    const decided = dates.length ? new Date(Math.max(...dates.map((date) => date.getTime()))) : null;
    const decidedDay = decided ? new Date(`${decided.toISOString().slice(0, 10)}T00:00:00Z`) : null;
    const dueOn = decidedDay ? nationalExportDueOn(decidedDay) : null;
    const endOfDue = dueOn ? new Date(dueOn.getTime() + 24 * 3600 * 1000) : null;
    const last = exports.find((row) => row.cycleId === cycle.id) ?? null;
    const sentAfter = last && decidedDay && last.createdAt >= decidedDay ? last : null;
    let status: NationalDeadline['status'];
    if (sentAfter) status = endOfDue && sentAfter.createdAt >= endOfDue ? 'LATE' : 'SENT';
    else status = endOfDue && now >= endOfDue ? 'OVERDUE' : 'DUE';
    return {
      cycleId: cycle.id,
      cycleName: cycle.name,
      year: cycle.year,
      decidedUntil: decidedDay,
      dueOn,
      lastSentAt: last?.createdAt ?? null,
      lastSha256: last?.sha256 ?? null,
      status,
    };
  });
}
