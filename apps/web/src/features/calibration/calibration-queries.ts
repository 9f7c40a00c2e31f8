import { graphql, type ResultOf } from '../../graphql/graphql.ts';

export const CalibrationQuery = graphql(`
  query CalibrationPage($cycleId: ID!, $unitId: ID) {
    calibration(cycleId: $cycleId, unitId: $unitId) {
      overall {
        people
        finalGoodOrBetterPercent
        evidenceMean
        proposed {
          rating
          count
        }
        final {
          rating
          count
        }
      }
      units {
        unit {
          id
          name
          parent {
            id
            name
          }
        }
        people
        finalGoodOrBetterPercent
        evidenceMean
        excellentAllowed
        proposed {
          rating
          count
        }
        final {
          rating
          count
        }
      }
      heads {
        assessor {
          id
          name
        }
        unit {
          id
          name
        }
        assessed
        mean
        min
        max
        distinctValues
      }
      findings {
        kind
        unit {
          id
          name
        }
        assessor {
          id
          name
        }
        personName
        detail
        detailEn
      }
      points(limit: 3000) {
        resultId
        personName
        evidenceScore
        score
        final
      }
      thresholds
      reviewed
      reviews {
        at
        byName
        role
        note
      }
    }
  }
`);

export type CalibrationData = NonNullable<ResultOf<typeof CalibrationQuery>['calibration']>;

export const ReviewCalibrationMutation = graphql(`
  mutation ReviewCalibration($cycleId: ID!, $note: String) {
    reviewCalibration(cycleId: $cycleId, note: $note) {
      __typename
      ... on ReviewCalibrationSuccess {
        data {
          at
          byName
          note
        }
      }
      ... on Error {
        code
        message
      }
      ... on ValidationError {
        fields {
          field
          message
        }
      }
    }
  }
`);

export const ChecklistQuery = graphql(`
  query CycleChecklist($cycleId: ID!) {
    checklist(cycleId: $cycleId) {
      blocking
      items {
        kind
        count
        blocks
        ownerRole
        stage
        dueOn
        label
        labelEn
        viewerCanRemind
        byUnit {
          unit {
            id
            name
          }
          count
        }
      }
    }
  }
`);

export type ChecklistItem = NonNullable<ResultOf<typeof ChecklistQuery>['checklist']>['items'][number];
