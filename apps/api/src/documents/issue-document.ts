import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { DocumentKind, IssuedDocument, PrismaClient } from '@cadre/db';
import { writeAudit } from '../domains/audit/services/write-audit.ts';
import { assertManages, findVisibleCycle } from '../domains/cycles/cycle-access.ts';
import { AppError, ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import type { UnitTreeCache } from '../scope/unit-tree.ts';
import type { Viewer } from '../scope/viewer.ts';
import { createDemoSigningFiles, loadDemoSigningFiles } from './demo-certificate.ts';
import { fullSymbol, type OfficialDocument, renderDocument } from './layout.ts';
import { printCycleReport, printRatingDecision, printTitleDecision } from './print-cycle-documents.ts';
import { signPdf } from './sign-pdf.ts';
import { createP12Signer, type Signer } from './signer.ts';

// Issuing a document: it takes the next number in the issuer's register (per year and symbol) —
// or keeps the number its record already has (a title decision) — is rendered with a signature
// placeholder, signed by the configured signer, and kept as issued with its checksum.

type Env = Record<string, string | undefined>;

/**
 * The server's signer: the agency's PKCS#12 (SIGNING_P12_FILE, SIGNING_P12_PASSPHRASE), else outside
 * production the demo signer of the data folder. In production without a certificate: none.
 */
export function loadSigner(options: { production: boolean; dataDir: string; env?: Env }): Signer {
  const env = options.env ?? process.env;
  const file = env.SIGNING_P12_FILE?.trim();
  if (file) {
    let content: Buffer;
    try {
      content = readFileSync(file);
    } catch {
      throw new AppError('CONFLICT', `Không đọc được SIGNING_P12_FILE / cannot read SIGNING_P12_FILE`);
    }
    return createP12Signer(content, env.SIGNING_P12_PASSPHRASE ?? '');
  }
  if (options.production) {
    throw new AppError(
      'CONFLICT',
      'Chưa cấu hình chứng thư số của cơ quan (SIGNING_P12_FILE) / no signing certificate configured',
    );
  }
  // an in-memory database (tests) keeps its demo signer in memory too
  const demo = options.dataDir.startsWith('memory://')
    ? createDemoSigningFiles()
    : loadDemoSigningFiles(options.dataDir);
  return createP12Signer(demo.p12, demo.passphrase);
}

export const issuableKinds = ['RATING_DECISION', 'TITLE_DECISION', 'CYCLE_REPORT'] as const;
export type IssuableKind = (typeof issuableKinds)[number];

const kindWords: Record<IssuableKind, string> = {
  RATING_DECISION: 'Quyết định',
  TITLE_DECISION: 'Quyết định',
  CYCLE_REPORT: 'Báo cáo',
};

export async function issueDocument(options: {
  prisma: PrismaClient;
  viewer: Viewer;
  unitTrees: UnitTreeCache;
  signer: Signer;
  cycleId: string;
  kind: IssuableKind;
  /** the title decision to issue (TITLE_DECISION) */
  sourceId?: string | null;
  date?: Date;
}): Promise<{ record: IssuedDocument; content: Buffer }> {
  const { prisma, viewer } = options;
  const cycle = await findVisibleCycle(prisma, viewer, options.cycleId);
  assertManages(viewer, cycle);
  if (options.kind === 'RATING_DECISION' && !['APPROVED', 'PUBLISHED', 'ARCHIVED'].includes(cycle.status)) {
    throw new ConflictError(
      'Chỉ ban hành quyết định công nhận kết quả khi kỳ đã được phê duyệt / the cycle must be approved first',
    );
  }
  if (options.kind === 'TITLE_DECISION' && !options.sourceId) {
    throw new ValidationError([
      { field: 'decisionId', message: 'Thiếu quyết định / decisionId is required' },
    ]);
  }
  const date = options.date ?? new Date(new Date().toISOString().slice(0, 10));
  const base = { prisma, viewer, unitTrees: options.unitTrees, cycleId: cycle.id };
  const draft =
    options.kind === 'TITLE_DECISION'
      ? await printTitleDecision({ ...base, decisionId: options.sourceId ?? null })
      : options.kind === 'RATING_DECISION'
        ? await printRatingDecision({ ...base, date })
        : await printCycleReport({ ...base, date });
  const symbol = fullSymbol(draft.document) ?? '';
  const year = (draft.document.date ?? date).getUTCFullYear();

  for (let attempt = 0; attempt < 3; attempt += 1) {
    let serial: number;
    if (options.kind === 'TITLE_DECISION') {
      serial = Number.parseInt(draft.document.number ?? '', 10);
      if (!Number.isFinite(serial)) {
        throw new ValidationError([
          { field: 'number', message: 'Số quyết định không hợp lệ / invalid decision number' },
        ]);
      }
      const existing = await prisma.issuedDocument.findFirst({
        where: { kind: 'TITLE_DECISION', sourceId: options.sourceId ?? '' },
      });
      if (existing) return { record: existing, content: Buffer.from(existing.content) };
    } else {
      const last = await prisma.issuedDocument.aggregate({
        where: { issuerUnitId: cycle.scopeUnitId, year, symbol },
        _max: { serial: true },
      });
      serial = (last._max.serial ?? 0) + 1;
    }
    const number = `${serial}/${symbol}`;
    const issuedOn = draft.document.date ?? date;
    const document: OfficialDocument = {
      ...draft.document,
      number: String(serial),
      date: issuedOn,
      draft: false,
      signature: {
        reason: `Ban hành ${kindWords[options.kind]} số ${number}`,
        name: options.signer.identity().name,
        location: draft.document.agency.place,
        signingTime: new Date(),
      },
    };
    const signingTime = document.signature?.signingTime ?? new Date();
    const content = await signPdf(await renderDocument(document), options.signer, signingTime);
    const identity = options.signer.identity();
    try {
      const record = await prisma.$transaction(async (tx) => {
        const created = await tx.issuedDocument.create({
          data: {
            cycleId: cycle.id,
            kind: options.kind as DocumentKind,
            sourceId: options.sourceId ?? null,
            issuerUnitId: cycle.scopeUnitId,
            year,
            symbol,
            serial,
            number,
            issuedOn,
            title: document.title,
            content: new Uint8Array(content),
            sha256: createHash('sha256').update(content).digest('hex'),
            signerName: identity.name,
            certificateSubject: identity.subject,
            certificateIssuer: identity.issuer,
            signedAt: signingTime,
            createdById: viewer.userId,
          },
        });
        await writeAudit({
          tx,
          actor: viewer,
          action: 'ISSUE_DOCUMENT',
          entity: 'IssuedDocument',
          entityId: created.id,
          after: { kind: created.kind, number, sha256: created.sha256, signer: identity.name },
        });
        return created;
      });
      return { record, content };
    } catch (error) {
      // another issue took the number at the same moment: take the next one
      if ((error as { code?: string }).code !== 'P2002' || options.kind === 'TITLE_DECISION') throw error;
    }
  }
  throw new ConflictError('Không cấp được số văn bản, thử lại / could not take a document number, try again');
}

/** An issued document, for the managers of its cycle (and, for decisions, everyone who sees the cycle). */
export async function findIssuedDocument(options: {
  prisma: PrismaClient;
  viewer: Viewer;
  id: string;
}): Promise<IssuedDocument> {
  const record = await options.prisma.issuedDocument.findUnique({ where: { id: options.id } });
  if (!record) throw new NotFoundError('văn bản / document');
  const cycle = await findVisibleCycle(options.prisma, options.viewer, record.cycleId);
  if (record.kind !== 'TITLE_DECISION' && record.kind !== 'RATING_DECISION') {
    try {
      assertManages(options.viewer, cycle);
    } catch {
      throw new NotFoundError('văn bản / document');
    }
  }
  return record;
}
