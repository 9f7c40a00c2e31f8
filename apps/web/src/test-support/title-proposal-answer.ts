/** A title proposal as the emulation page's queries answer it, for component tests. */
export function titleProposalAnswer(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'TitleProposal',
    id: 'p1',
    title: 'LDTT',
    status: 'PROPOSED',
    eligible: true,
    hasCriteria: true,
    reason: 'Hoàn thành tốt',
    version: 1,
    createdAt: '2026-12-01T00:00:00.000Z',
    needsBallot: false,
    ballotThresholdPercent: null,
    nomineeStanding: null,
    person: {
      __typename: 'Person',
      id: 'x2',
      fullName: 'Phạm Thị Dung',
      code: 'CB042',
      unit: { __typename: 'Unit', id: 'u2', name: 'Văn phòng', parent: null },
    },
    unit: null,
    eligibility: [],
    ...overrides,
  };
}
