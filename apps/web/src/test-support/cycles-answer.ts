// The CyclesList answer of component tests: one 2026 cycle of the demo's pack, at the step given.

type CycleFields = {
  status: string;
  readOnly: boolean;
  version: number;
  publishedAt: string | null;
  deadlines: { __typename: 'CycleDeadline'; stage: string; dueOn: string; ownerRole: string }[];
};

export function cyclesAnswer(fields: Partial<CycleFields> & Pick<CycleFields, 'status'>) {
  const published = fields.status === 'PUBLISHED' || fields.status === 'ARCHIVED';
  return {
    data: {
      cycles: [
        {
          __typename: 'Cycle',
          id: 'c1',
          year: 2026,
          name: 'Năm 2026',
          readOnly: published,
          version: published ? 9 : 4,
          appealDays: 15,
          publishedAt: published ? new Date().toISOString() : null,
          pack: { __typename: 'PolicyPack', id: 'vn-nd335-2025', name: 'NĐ 335' },
          scopeUnit: { __typename: 'Unit', id: 'u0', name: 'UBND tỉnh' },
          deadlines: [] as CycleFields['deadlines'],
          latestRun: null,
          ...fields,
        },
      ],
    },
  };
}
