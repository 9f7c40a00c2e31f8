import { cacheExchange } from '@urql/exchange-graphcache';
import { Client, fetchExchange, mapExchange } from 'urql';
import { csrfHeaderName, getCsrfToken } from './csrf-token.ts';

const embedded = () => null;
const byId = (data: { id?: unknown }) => (typeof data.id === 'string' ? data.id : null);

/** urql with a normalised cache; the session cookie travels with every request, the CSRF token in a header. */
export function createUrqlClient(options: { onUnauthenticated: () => void }): Client {
  return new Client({
    url: '/graphql',
    preferGetMethod: false,
    fetchOptions: () => {
      const token = getCsrfToken();
      const headers: Record<string, string> = {};
      if (token) headers[csrfHeaderName] = token;
      return { credentials: 'include', headers };
    },
    exchanges: [
      mapExchange({
        onError(error, operation) {
          const code = error.graphQLErrors[0]?.extensions?.code;
          const isLogin =
            operation.kind === 'mutation' && operation.query.loc?.source.body.includes('login(');
          if (code === 'UNAUTHENTICATED' && !isLogin) options.onUnauthenticated();
        },
      }),
      cacheExchange({
        keys: {
          AppealAttachmentLimits: embedded,
          AuditChainStatus: embedded,
          CycleDeadline: embedded,
          CycleTransition: embedded,
          FieldError: embedded,
          ImportColumn: embedded,
          ImportMapping: embedded,
          LoginPayload: embedded,
          NationalExportDeadline: embedded,
          PageInfo: embedded,
          PolicyPack: byId,
          QueryAuditLogConnection: embedded,
          QueryAuditLogConnectionEdge: embedded,
          QueryPeopleConnection: embedded,
          QueryPeopleConnectionEdge: embedded,
          QueryResultsConnection: embedded,
          QueryResultsConnectionEdge: embedded,
          QueryUsersConnection: embedded,
          QueryUsersConnectionEdge: embedded,
          ResultFlag: embedded,
          ScoreComponents: embedded,
          TraceEntry: embedded,
          UnitQuota: embedded,
          UnitResult: embedded,
          AdjustRatingSuccess: embedded,
          AssessPersonSuccess: embedded,
          ChangePasswordSuccess: embedded,
          CorrectRatingSuccess: embedded,
          CreateCycleSuccess: embedded,
          DeactivateUserSuccess: embedded,
          MoveCycleSuccess: embedded,
          RunEvaluationSuccess: embedded,
          SaveImportMappingSuccess: embedded,
          SubmitSelfAssessmentSuccess: embedded,
          UpdatePersonSuccess: embedded,
          ConflictError: embedded,
          ForbiddenError: embedded,
          NotFoundError: embedded,
          QuotaExceededError: embedded,
          RuleViolationError: embedded,
          ValidationError: embedded,
        },
        updates: {
          Mutation: {
            createCycle(_result, _args, cache) {
              cache.invalidate('Query', 'cycles');
            },
            adjustRating(_result, args, cache) {
              // the unit's live quota changes with every granted "Excellent"
              for (const field of cache.inspectFields('Query')) {
                if (field.fieldName === 'unitQuota') cache.invalidate('Query', field.fieldKey);
              }
              void args;
            },
          },
        },
      }),
      fetchExchange,
    ],
  });
}
