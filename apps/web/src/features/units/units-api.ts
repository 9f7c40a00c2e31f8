import { graphql, type ResultOf } from '../../graphql/graphql.ts';
import { MutationError } from '../../graphql/mutation-error.ts';

/** Every unit of the viewer's scope, flat; successors only when closed units are shown. */
export const UnitsPageQuery = graphql(`
  query UnitsPage($withClosed: Boolean!) {
    units {
      id
      code
      name
      kind
      active
      version
      validFrom
      validTo
      peopleCount
      parent {
        id
        name
      }
      block {
        id
        code
        name
      }
      heads {
        id
        fullName
        positionTitle
      }
      successors @include(if: $withClosed) {
        id
        name
        parent {
          id
          name
        }
      }
    }
  }
`);

export type UnitListItem = ResultOf<typeof UnitsPageQuery>['units'][number];

/** One unit as the details panel and the edit form read it (its successions read one at a time). */
export const UnitDetailsQuery = graphql(`
  query UnitDetails($id: ID!) {
    unit(id: $id) {
      id
      code
      name
      kind
      active
      version
      validFrom
      validTo
      peopleCount
      parent {
        id
        name
        parent {
          id
          name
        }
      }
      block {
        id
        code
        name
      }
      heads {
        id
        code
        fullName
        positionTitle
      }
      successors {
        id
        name
        parent {
          id
          name
        }
      }
      predecessors {
        id
        name
        parent {
          id
          name
        }
      }
    }
  }
`);

export type UnitDetail = NonNullable<ResultOf<typeof UnitDetailsQuery>['unit']>;

export const EmulationBlocksQuery = graphql(`
  query UnitBlocks {
    blocks {
      id
      code
      name
    }
  }
`);

export const CreateUnitMutation = graphql(
  `
  mutation CreateUnitPage($input: CreateUnitInput!) {
    createUnit(input: $input) {
      __typename
      ... on CreateUnitSuccess {
        data {
          id
          name
          version
          parent {
            id
            name
          }
        }
      }
      ...MutationError
    }
  }
`,
  [MutationError],
);

export const UpdateUnitMutation = graphql(
  `
  mutation UpdateUnitPage($id: ID!, $version: Int!, $input: UpdateUnitInput!) {
    updateUnit(id: $id, version: $version, input: $input) {
      __typename
      ... on UpdateUnitSuccess {
        data {
          id
          name
          kind
          active
          version
          parent {
            id
            name
          }
          block {
            id
            code
            name
          }
        }
      }
      ...MutationError
    }
  }
`,
  [MutationError],
);
