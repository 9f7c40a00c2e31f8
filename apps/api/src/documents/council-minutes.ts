import type { BallotResult, CouncilRole, TitleKind } from '@cadre/db';
import { titleLabels } from '../exports/labels.ts';
import { formatPercent } from './issuance.ts';
import { type AgencyBlock, type Block, dateInWords, type OfficialDocument } from './layout.ts';

// Biên bản họp Hội đồng thi đua – khen thưởng and Biên bản kiểm phiếu of one session: who was
// present, the quorum, and per proposal the counts and the result. Never who voted how: the
// ballots keep votes apart from voters (BallotVote has no member), and these records print counts.

export type SessionMember = { name: string; role: CouncilRole; present: boolean };

export type SessionProposal = {
  nominee: string;
  unitName: string;
  title: TitleKind;
  /** all members when the ballot opened */
  members: number;
  /** ballots handed out = members who took part */
  issued: number;
  forCount: number | null;
  againstCount: number | null;
  abstainCount: number | null;
  recused: number;
  thresholdPercent: number;
  result: BallotResult | null;
};

export type CouncilSessionData = {
  agency: AgencyBlock;
  councilName: string;
  scopeName: string;
  year: number;
  /** the session's number as recorded, e.g. "01/BB-HĐTĐKT" or "01" */
  number: string;
  heldOn: Date;
  quorum: number;
  present: number;
  members: SessionMember[];
  proposals: SessionProposal[];
  minutes: string | null;
};

export const councilRoleLabels: Record<CouncilRole, string> = {
  CHAIR: 'Chủ tịch Hội đồng',
  VICE_CHAIR: 'Phó Chủ tịch Hội đồng',
  MEMBER: 'Ủy viên',
  SECRETARY: 'Thư ký',
};

const roleOrder: CouncilRole[] = ['CHAIR', 'VICE_CHAIR', 'MEMBER', 'SECRETARY'];

export const ballotResultLabels: Record<BallotResult, string> = {
  PASSED: 'Đạt',
  FAILED: 'Không đạt',
  NO_QUORUM: 'Không đủ số thành viên',
};

function splitNumber(number: string): string {
  return number.split('/')[0] ?? number;
}

function sessionSigners(data: CouncilSessionData, left: string, right: string) {
  const chair = data.members.find((member) => member.role === 'CHAIR') ?? null;
  const secretary = data.members.find((member) => member.role === 'SECRETARY') ?? null;
  return [
    { authority: null, position: left, name: secretary?.name ?? null, note: '(Ký, ghi rõ họ tên)' },
    { authority: null, position: right, name: chair?.name ?? null, note: '(Ký, ghi rõ họ tên)' },
  ];
}

function outcome(proposal: SessionProposal): string {
  return proposal.result ? ballotResultLabels[proposal.result] : 'Chưa kiểm phiếu';
}

function membersBlocks(data: CouncilSessionData): Block[] {
  const members = [...data.members].sort(
    (a, b) => roleOrder.indexOf(a.role) - roleOrder.indexOf(b.role) || a.name.localeCompare(b.name, 'vi'),
  );
  return [
    {
      kind: 'table',
      columns: [
        { header: 'STT', width: 7, align: 'center' },
        { header: 'Họ và tên', width: 34 },
        { header: 'Chức danh trong Hội đồng', width: 34 },
        { header: 'Có mặt', width: 12, align: 'center' },
      ],
      rows: members.map((member, index) => [
        String(index + 1),
        member.name,
        councilRoleLabels[member.role],
        member.present ? 'Có mặt' : 'Vắng',
      ]),
    },
  ];
}

function quorumLine(data: CouncilSessionData): string {
  const enough = data.present >= data.quorum;
  return `Số thành viên có mặt: ${data.present}/${data.members.length}; số thành viên tối thiểu để cuộc họp hợp lệ: ${data.quorum}. ${enough ? 'Cuộc họp đủ điều kiện tiến hành.' : 'Cuộc họp không đủ số thành viên theo quy chế.'}`;
}

export function buildCouncilMinutesDocument(data: CouncilSessionData): OfficialDocument {
  const passed = data.proposals.filter((proposal) => proposal.result === 'PASSED').length;
  const body: Block[] = [
    {
      kind: 'paragraph',
      text: `Hôm nay, ${dateInWords(data.heldOn)}, tại trụ sở ${data.scopeName}, ${data.councilName} họp xét danh hiệu thi đua, hình thức khen thưởng năm ${data.year}.`,
    },
    { kind: 'paragraph', style: 'bold', indent: false, text: 'I. THÀNH PHẦN' },
    ...membersBlocks(data),
    { kind: 'paragraph', text: quorumLine(data) },
    { kind: 'paragraph', style: 'bold', indent: false, text: 'II. NỘI DUNG' },
    {
      kind: 'paragraph',
      text: `Hội đồng xem xét ${data.proposals.length} đề nghị và biểu quyết bằng phiếu kín; kết quả kiểm phiếu ghi tại Biên bản kiểm phiếu cùng ngày. Đề nghị đạt khi tỷ lệ phiếu tán thành trên tổng số thành viên Hội đồng đạt ngưỡng quy định.`,
    },
    {
      kind: 'table',
      columns: [
        { header: 'STT', width: 7, align: 'center' },
        { header: 'Cá nhân, tập thể được đề nghị', width: 28 },
        { header: 'Danh hiệu đề nghị', width: 22 },
        { header: 'Tán thành / tổng số thành viên', width: 18, align: 'center' },
        { header: 'Kết quả', width: 14, align: 'center' },
      ],
      rows: data.proposals.map((proposal, index) => [
        String(index + 1),
        `${proposal.nominee} (${proposal.unitName})`,
        titleLabels[proposal.title],
        proposal.forCount === null
          ? '—'
          : `${proposal.forCount}/${proposal.members} (${formatPercent(proposal.forCount, proposal.members)})`,
        outcome(proposal),
      ]),
    },
    {
      kind: 'paragraph',
      text: `Kết luận: ${passed}/${data.proposals.length} đề nghị đạt; Hội đồng đề nghị cấp có thẩm quyền quyết định công nhận đối với các đề nghị đạt.`,
    },
  ];
  if (data.minutes) body.push({ kind: 'paragraph', text: `Ý kiến khác: ${data.minutes}` });
  body.push(
    {
      kind: 'paragraph',
      text: 'Biên bản được lập thành 02 bản, đã thông qua trước Hội đồng và các thành viên dự họp nhất trí./.',
    },
    { kind: 'signatures', blocks: sessionSigners(data, 'Thư ký', 'Chủ tịch Hội đồng') },
  );
  return {
    title: `Biên bản họp ${data.councilName} năm ${data.year}`,
    agency: data.agency,
    number: splitNumber(data.number),
    symbol: 'BB',
    year: data.year,
    date: data.heldOn,
    kind: 'Biên bản',
    subject: [`Họp ${data.councilName}`, `xét danh hiệu thi đua, khen thưởng năm ${data.year}`],
    body,
    recipients: null,
    signer: null,
  };
}

export function buildBallotCountDocument(data: CouncilSessionData): OfficialDocument {
  const rows = data.proposals.map((proposal, index) => {
    const valid = (proposal.forCount ?? 0) + (proposal.againstCount ?? 0) + (proposal.abstainCount ?? 0);
    const counted = proposal.forCount !== null;
    return [
      String(index + 1),
      `${proposal.nominee} – ${titleLabels[proposal.title]}`,
      `${proposal.issued}/${proposal.members}`,
      counted ? String(valid) : '—',
      counted ? String(proposal.forCount) : '—',
      proposal.againstCount === null ? '—' : String(proposal.againstCount),
      proposal.abstainCount === null ? '—' : String(proposal.abstainCount),
      counted ? formatPercent(proposal.forCount ?? 0, proposal.members) : '—',
      `${outcome(proposal)} (ngưỡng ${String(proposal.thresholdPercent).replace('.', ',')}%)`,
    ];
  });
  const recused = data.proposals.reduce((sum, proposal) => sum + proposal.recused, 0);
  const body: Block[] = [
    {
      kind: 'paragraph',
      text: `Hôm nay, ${dateInWords(data.heldOn)}, tại cuộc họp của ${data.councilName}, Ban kiểm phiếu tiến hành kiểm phiếu biểu quyết kín đối với các đề nghị danh hiệu thi đua, khen thưởng năm ${data.year}.`,
    },
    { kind: 'paragraph', text: quorumLine(data) },
    {
      kind: 'paragraph',
      text: `Phiếu được phát cho các thành viên có mặt, trừ thành viên không tham gia biểu quyết theo quy định (tổng số lượt: ${recused}). Biên bản chỉ ghi số phiếu; không ghi và không lưu thành viên nào bỏ phiếu thế nào.`,
    },
    { kind: 'paragraph', style: 'bold', indent: false, text: 'KẾT QUẢ KIỂM PHIẾU' },
    {
      kind: 'table',
      size: 11,
      columns: [
        { header: 'STT', width: 6, align: 'center' },
        { header: 'Đề nghị', width: 26 },
        { header: 'Phiếu phát ra / số thành viên', width: 11, align: 'center' },
        { header: 'Phiếu hợp lệ', width: 9, align: 'center' },
        { header: 'Tán thành', width: 9, align: 'center' },
        { header: 'Không tán thành', width: 9, align: 'center' },
        { header: 'Không biểu quyết', width: 9, align: 'center' },
        { header: 'Tỷ lệ tán thành', width: 9, align: 'center' },
        { header: 'Kết quả', width: 12, align: 'center' },
      ],
      rows,
    },
    {
      kind: 'paragraph',
      text: 'Tỷ lệ tán thành tính trên tổng số thành viên Hội đồng. Ban kiểm phiếu đã công bố kết quả trước Hội đồng; biên bản được lập thành 02 bản./.',
    },
    {
      kind: 'signatures',
      blocks: sessionSigners(data, 'Thành viên Ban kiểm phiếu', 'Trưởng Ban kiểm phiếu'),
    },
  ];
  return {
    title: `Biên bản kiểm phiếu ${data.councilName} năm ${data.year}`,
    agency: data.agency,
    number: splitNumber(data.number),
    symbol: 'BB',
    year: data.year,
    date: data.heldOn,
    kind: 'Biên bản kiểm phiếu',
    subject: [`Biểu quyết kín xét danh hiệu thi đua, khen thưởng năm ${data.year}`],
    body,
    recipients: null,
    signer: null,
  };
}
