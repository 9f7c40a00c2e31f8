import { agencyBlock, councilAgencyBlock } from './agency.ts';
import { type AppealAnswerData, buildAppealAnswerDocument } from './appeal-answer.ts';
import {
  buildBallotCountDocument,
  buildCouncilMinutesDocument,
  type CouncilSessionData,
} from './council-minutes.ts';
import { buildCycleReportDocument, type CycleReportData } from './cycle-report.ts';
import { agencySigner } from './issuance.ts';
import type { OfficialDocument } from './layout.ts';
import { buildRatingDecisionDocument } from './rating-decision.ts';
import { buildRatingFormDocument, type RatingFormData } from './rating-form.ts';
import { rewardAmount, rewardMultiple } from './reward-money.ts';
import { buildTitleDecisionDocument, type TitleDecisionAward } from './title-decision.ts';
import { buildUnitRatingsDocument } from './unit-ratings.ts';

// Fixed data for every document, used by the golden tests (pdftotext -layout and pdffonts of each
// rendered PDF are compared with the files in golden/) and for looking at the pages.

const province = { id: 'p', name: 'UBND tỉnh Hòa An', kind: 'PROVINCE' as const };
const department = { id: 'd', name: 'Sở Nội vụ', kind: 'DEPARTMENT' as const };
const division = { id: 'v', name: 'Phòng Công chức, viên chức', kind: 'DIVISION' as const };
const commune = { id: 'c', name: 'UBND xã Đông Hưng', kind: 'COMMUNE' as const };

export const provinceAgency = agencyBlock(province, []);
export const departmentAgency = agencyBlock(department, [province]);
export const communeAgency = agencyBlock(commune, [province]);
const issuedOn = new Date(Date.UTC(2026, 11, 2));
const chairman = { name: 'Lê Minh Tuấn', positionTitle: 'Chủ tịch UBND tỉnh' };

const people = [
  ['Nguyễn Văn An', 'Giám đốc', 'Sở Nội vụ', 'CONG_CHUC', 93.5, 'EXCELLENT'],
  ['Trần Thị Bình', 'Chuyên viên', 'Phòng Công chức, viên chức', 'CONG_CHUC', 88.2, 'GOOD'],
  ['Lê Văn Cường', 'Chuyên viên', 'Sở Tài chính', 'CONG_CHUC', 72.4, 'GOOD'],
  ['Phạm Thị Dung', 'Kế toán', 'Sở Tài chính', 'VIEN_CHUC', 61, 'COMPLETED'],
  ['Hoàng Văn Em', 'Chuyên viên', 'UBND xã Đông Hưng', 'CONG_CHUC', 45.3, 'NOT_COMPLETED'],
  ['Đỗ Thị Giang', 'Nhân viên', 'UBND xã Đông Hưng', 'NGUOI_LAO_DONG', null, 'NOT_RATED'],
] as const;

function award(
  title: TitleDecisionAward['title'],
  name: string,
  unitName: string,
  collective = false,
): TitleDecisionAward {
  return {
    title,
    name,
    positionTitle: collective ? null : 'Chuyên viên',
    unitName,
    collective,
    multiple: rewardMultiple('vn-nd335-2025', title),
    amount: rewardAmount('vn-nd335-2025', title, 2_340_000),
  };
}

export const sampleRatingForm: RatingFormData = {
  year: 2026,
  packId: 'vn-nd335-2025',
  periodKind: 'QUARTER',
  agency: departmentAgency,
  person: {
    fullName: 'Trần Thị Bình',
    code: 'SNV-0042',
    positionTitle: 'Chuyên viên',
    rank: 'Chuyên viên (01.003)',
    category: 'CONG_CHUC',
    unitPath: 'Phòng Công chức, viên chức – Sở Nội vụ',
  },
  selfAssessment: {
    achievements: 'Hoàn thành 100% nhiệm vụ được giao đúng hạn; tham mưu 12 văn bản về tuyển dụng công chức.',
    shortcomings: 'Có 01 hồ sơ trả kết quả chậm do thiếu thành phần.',
    proposedRating: 'EXCELLENT',
    submittedAt: new Date(Date.UTC(2026, 10, 20)),
  },
  head: {
    name: 'Nguyễn Văn An',
    position: 'Giám đốc Sở',
    conductAssessment: 9,
    comment: 'Chủ động, trách nhiệm; cần nâng cao chất lượng thẩm định hồ sơ.',
    assessedAt: new Date(Date.UTC(2026, 10, 28)),
  },
  result: {
    score: 88.2,
    components: { tasks: 61.5, conduct: 9, reform: 8.7, citizens: 9 },
    periods: [1, 2, 3, 4].map((period) => ({
      period,
      score: 86 + period,
      components: { tasks: 59 + period, conduct: 9, reform: 8.5 + period / 10, citizens: 9 },
    })),
    finalRating: 'GOOD',
    finalReason: null,
    decidedAt: issuedOn,
  },
  authority: { position: 'Giám đốc Sở', name: 'Nguyễn Văn An' },
};

export const sampleSession: CouncilSessionData = {
  agency: councilAgencyBlock('Hội đồng Thi đua – Khen thưởng tỉnh', provinceAgency),
  councilName: 'Hội đồng Thi đua – Khen thưởng tỉnh',
  scopeName: 'UBND tỉnh Hòa An',
  year: 2026,
  number: '03',
  heldOn: new Date(Date.UTC(2026, 11, 1)),
  quorum: 4,
  present: 5,
  members: [
    { name: 'Lê Minh Tuấn', role: 'CHAIR', present: true },
    { name: 'Nguyễn Văn An', role: 'VICE_CHAIR', present: true },
    { name: 'Vũ Thị Hạnh', role: 'MEMBER', present: true },
    { name: 'Bùi Quang Khải', role: 'MEMBER', present: false },
    { name: 'Phan Thị Lan', role: 'MEMBER', present: true },
    { name: 'Ngô Đức Minh', role: 'SECRETARY', present: true },
  ],
  proposals: [
    {
      nominee: 'Trần Thị Bình',
      unitName: 'Sở Nội vụ',
      title: 'CSTD_TINH',
      members: 6,
      issued: 5,
      forCount: 5,
      againstCount: 0,
      abstainCount: 0,
      recused: 0,
      thresholdPercent: 80,
      result: 'PASSED',
    },
    {
      nominee: 'Lê Văn Cường',
      unitName: 'Sở Tài chính',
      title: 'CSTD_TINH',
      members: 6,
      issued: 4,
      forCount: 3,
      againstCount: 1,
      abstainCount: 0,
      recused: 1,
      thresholdPercent: 80,
      result: 'FAILED',
    },
  ],
  minutes: null,
};

export const sampleAppeal: AppealAnswerData = {
  issuance: {
    agency: departmentAgency,
    number: '415',
    date: issuedOn,
    year: 2026,
    signer: agencySigner({
      agency: departmentAgency,
      signerName: 'Phạm Quốc Việt',
      signerPosition: 'Phó Giám đốc Sở',
      head: { name: 'Nguyễn Văn An', positionTitle: 'Giám đốc Sở' },
    }),
  },
  draftingOffice: 'CCVC',
  year: 2026,
  person: { fullName: 'Hoàng Văn Em', gender: 'MALE', unitName: 'UBND xã Đông Hưng' },
  filedAt: new Date(Date.UTC(2026, 11, 1)),
  reason: 'Tôi cho rằng các nhiệm vụ chậm tiến độ có nguyên nhân khách quan đã được xác nhận.',
  requested: 'COMPLETED',
  ratingBefore: 'NOT_COMPLETED',
  ratingAfter: 'COMPLETED',
  status: 'UPHELD',
  outcome: 'Hai nhiệm vụ chậm do thiên tai được xác nhận là có nguyên nhân khách quan.',
};

export const sampleReport: CycleReportData = {
  issuance: {
    agency: departmentAgency,
    number: '88',
    date: issuedOn,
    year: 2026,
    signer: agencySigner({
      agency: departmentAgency,
      signerName: 'Nguyễn Văn An',
      head: { name: 'Nguyễn Văn An', positionTitle: 'Giám đốc Sở' },
    }),
  },
  year: 2026,
  cycleName: 'Đánh giá năm 2026',
  scopeName: 'tỉnh Hòa An',
  people: people.map(([, , unitName, category, , rating]) => ({ unitName, category, rating })),
  titles: [
    { title: 'CSTD_TINH', count: 1, amount: 7_020_000 },
    { title: 'CSTDCS', count: 2, amount: 4_680_000 },
    { title: 'LDTT', count: 3, amount: 2_106_000 },
  ],
  flags: [
    { kind: 'STREAMLINING', status: 'ACTIVE', count: 1 },
    { kind: 'ROTATION', status: 'POSTPONED', count: 2 },
  ],
};

/** Every document, by the name of its golden file. */
export function sampleDocuments(): Record<string, OfficialDocument> {
  const provinceIssuance = {
    agency: provinceAgency,
    number: '250',
    date: issuedOn,
    year: 2026,
    signer: agencySigner({
      agency: provinceAgency,
      signerName: 'Đặng Thu Hà',
      signerPosition: 'Phó Chủ tịch UBND tỉnh',
      head: chairman,
    }),
  };
  return {
    'rating-form': buildRatingFormDocument(sampleRatingForm),
    'rating-decision': buildRatingDecisionDocument({
      issuance: { ...provinceIssuance, number: '249' },
      year: 2026,
      packId: 'vn-nd335-2025',
      decider: 'Chủ tịch Ủy ban nhân dân tỉnh Hòa An',
      proposer: 'Giám đốc Sở Nội vụ',
      people: people.map(([fullName, positionTitle, unitName, category, score, rating]) => ({
        fullName,
        positionTitle,
        unitName,
        category,
        score,
        rating,
      })),
      executors: [
        'Chánh Văn phòng UBND tỉnh',
        'Giám đốc Sở Nội vụ',
        'Thủ trưởng các cơ quan, đơn vị có liên quan',
      ],
    }),
    'title-decision': buildTitleDecisionDocument({
      issuance: provinceIssuance,
      year: 2026,
      kind: 'AWARD',
      decider: 'Chủ tịch Ủy ban nhân dân tỉnh Hòa An',
      council: { name: 'Hội đồng Thi đua – Khen thưởng tỉnh', heldOn: new Date(Date.UTC(2026, 11, 1)) },
      baseSalary: 2_340_000,
      reason: null,
      awards: [
        award('CSTD_TINH', 'Trần Thị Bình', 'Sở Nội vụ'),
        award('CSTDCS', 'Nguyễn Văn An', 'Sở Nội vụ'),
        award('LDTT', 'Lê Văn Cường', 'Sở Tài chính'),
        award('LDTT', 'Phạm Thị Dung', 'Sở Tài chính'),
        award('TAP_THE_LDXS', 'Phòng Công chức, viên chức', 'Sở Nội vụ', true),
      ],
      executors: [
        'Chánh Văn phòng UBND tỉnh',
        'Giám đốc Sở Nội vụ',
        'Thủ trưởng các cơ quan, đơn vị có liên quan',
      ],
    }),
    'council-minutes': buildCouncilMinutesDocument(sampleSession),
    'ballot-count': buildBallotCountDocument(sampleSession),
    'appeal-answer': buildAppealAnswerDocument(sampleAppeal),
    'cycle-report': buildCycleReportDocument(sampleReport),
    'unit-ratings': buildUnitRatingsDocument({
      issuance: {
        agency: communeAgency,
        number: null,
        date: issuedOn,
        year: 2026,
        signer: agencySigner({
          agency: communeAgency,
          signerName: 'Vũ Văn Nam',
          head: { name: 'Vũ Văn Nam', positionTitle: 'Chủ tịch UBND xã' },
        }),
      },
      year: 2026,
      unitName: 'UBND xã Đông Hưng',
      preparedBy: 'Ngô Thị Oanh',
      rows: people.map(([fullName, positionTitle, unitName, , score, rating]) => ({
        fullName,
        positionTitle,
        unitName,
        score,
        finalRating: rating,
      })),
    }),
  };
}

export const samples = { division, department, province, commune };
