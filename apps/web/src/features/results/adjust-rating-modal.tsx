import {
  Alert,
  App,
  Descriptions,
  Form,
  Input,
  Modal,
  Progress,
  Radio,
  Skeleton,
  Space,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../graphql/graphql.ts';
import { MutationError } from '../../graphql/mutation-error.ts';
import { useT } from '../../i18n/i18n-context.tsx';
import { describeCombinedError, describeErrorResult } from '../../lib/error-message.ts';
import { useFocusReturn } from '../../lib/focus-return.ts';
import { formatScore } from '../../lib/format.ts';
import { unitWithParent } from '../units/unit-name.ts';
import { type RatingValue, ratingChoiceRefusal } from './rating-display.ts';
import { RatingTag } from './rating-tag.tsx';
import type { ResultRow } from './results-query.ts';

// What the decision may be is the API's to say (the rules engine judges every choice); the form
// only shows it: the unit's quota now, each choice with the engine's reason when it is refused,
// and the quota a choice would leave.
const RatingDecisionQuery = graphql(`
  query RatingDecisionForm($cycleId: ID!, $unitId: ID!, $resultId: ID!) {
    unitQuota(cycleId: $cycleId, unitId: $unitId) {
      unitId
      eligible
      allowed
      granted
      remaining
      exceptionPercent
      exceptionDecision
    }
    node(id: $resultId) {
      __typename
      ... on EvaluationResult {
        id
        ratingChoices {
          rating
          allowed
          rule
          citation
          reason
          reasonRequired
          quota {
            eligible
            allowed
            granted
          }
        }
      }
    }
  }
`);

const AdjustRating = graphql(
  `
  mutation AdjustRatingPage($id: ID!, $rating: Rating!, $reason: String, $version: Int!) {
    adjustRating(resultId: $id, rating: $rating, reason: $reason, version: $version) {
      __typename
      ... on AdjustRatingSuccess {
        data {
          id
          finalRating
          finalReason
          version
          decisions {
            id
            kind
            fromRating
            toRating
            reason
            number
            decidedAt
            decidedByName
            decidedBy {
              id
              displayName
            }
          }
        }
      }
      ...MutationError
    }
  }
`,
  [MutationError],
);

const CorrectRating = graphql(
  `
  mutation CorrectRatingPage($id: ID!, $rating: Rating!, $reason: String!, $number: String!, $version: Int!) {
    correctRating(resultId: $id, rating: $rating, reason: $reason, number: $number, version: $version) {
      __typename
      ... on CorrectRatingSuccess {
        data {
          id
          finalRating
          finalReason
          version
          decisions {
            id
            kind
            fromRating
            toRating
            reason
            number
            decidedAt
            decidedByName
            decidedBy {
              id
              displayName
            }
          }
        }
      }
      ...MutationError
    }
  }
`,
  [MutationError],
);

export type AdjustedResult = Pick<ResultRow, 'id' | 'finalRating' | 'finalReason' | 'version' | 'decisions'>;

export function AdjustRatingModal(props: {
  cycleId: string;
  result: ResultRow;
  onClose: (updated: AdjustedResult | null) => void;
  /** after publication: a numbered correction decision instead of an adjustment */
  correction?: boolean;
}) {
  useFocusReturn();
  const t = useT();
  const { modal } = App.useApp();
  const correction = props.correction ?? false;
  const [number, setNumber] = useState('');
  const [correcting, correct] = useMutation(CorrectRating);
  const { result } = props;
  const [rating, setRating] = useState<RatingValue>(result.finalRating);
  const [reason, setReason] = useState(result.finalReason ?? '');
  const [touched, setTouched] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [decisionForm] = useQuery({
    query: RatingDecisionQuery,
    variables: { cycleId: props.cycleId, unitId: result.unit.id, resultId: result.id },
    requestPolicy: 'network-only',
  });
  const [state, adjust] = useMutation(AdjustRating);
  const quota = decisionForm.data?.unitQuota ?? null;
  const node = decisionForm.data?.node;
  const choices = node?.__typename === 'EvaluationResult' ? node.ratingChoices : null;
  const chosen = choices?.find((choice) => choice.rating === rating) ?? null;
  // the quota as this choice would leave it (the engine's count); the current one otherwise
  const projected = rating !== result.finalRating && chosen?.quota ? chosen.quota : null;
  const reasonNeeded = correction || (chosen?.reasonRequired ?? rating !== result.finalRating);
  const reasonMissing = reasonNeeded && reason.trim().length === 0;
  const numberMissing = correction && number.trim().length === 0;

  const refusal = (choice: NonNullable<typeof choices>[number]) => ratingChoiceRefusal(choice, t);

  async function submitCorrection() {
    const response = await correct({
      id: result.id,
      rating,
      reason: reason.trim(),
      number: number.trim(),
      version: result.version,
    });
    const outcome = response.data?.correctRating;
    if (!outcome) {
      if (response.error) setError(describeCombinedError(response.error, t));
      return;
    }
    switch (outcome.__typename) {
      case 'CorrectRatingSuccess':
        props.onClose(outcome.data);
        return;
      case 'QuotaExceededError':
        setError(t('results.quotaExceeded', { allowed: outcome.allowed, granted: outcome.granted }));
        return;
      case 'RuleViolationError':
        setError(
          t('results.ruleViolation', {
            message: outcome.message,
            citation: outcome.citation ?? outcome.rule,
          }),
        );
        return;
      default:
        setError(describeErrorResult(outcome, t));
    }
  }

  async function submit() {
    setTouched(true);
    setError(null);
    if (reasonMissing || numberMissing) return;
    if (correction) {
      // a correction is a formal decision: say exactly what will be issued before issuing it
      modal.confirm({
        title: t('results.correct'),
        content: t('results.correctConfirm', {
          number: number.trim(),
          name: result.person.fullName,
          from: t(`rating.${result.finalRating}`),
          to: t(`rating.${rating}`),
        }),
        okText: t('app.confirm'),
        cancelText: t('app.cancel'),
        onOk: submitCorrection,
      });
      return;
    }
    const response = await adjust({
      id: result.id,
      rating,
      reason: reason.trim() || null,
      version: result.version,
    });
    const outcome = response.data?.adjustRating;
    if (!outcome) {
      if (response.error) setError(describeCombinedError(response.error, t));
      return;
    }
    switch (outcome.__typename) {
      case 'AdjustRatingSuccess':
        props.onClose(outcome.data);
        return;
      case 'QuotaExceededError':
        setError(t('results.quotaExceeded', { allowed: outcome.allowed, granted: outcome.granted }));
        return;
      case 'RuleViolationError':
        setError(
          t('results.ruleViolation', {
            message: outcome.message,
            citation: outcome.citation ?? outcome.rule,
          }),
        );
        return;
      default:
        setError(describeErrorResult(outcome, t));
    }
  }

  return (
    <Modal
      open
      width={680}
      title={
        correction
          ? t('results.correctTitle', { name: result.person.fullName })
          : t('results.adjustTitle', { name: result.person.fullName })
      }
      onCancel={() => props.onClose(null)}
      onOk={() => void submit()}
      okText={t('app.save')}
      cancelText={t('app.cancel')}
      okButtonProps={{
        loading: state.fetching || correcting.fetching,
        disabled:
          !choices?.length || (rating === result.finalRating && reason === (result.finalReason ?? '')),
      }}
      destroyOnHidden
    >
      <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('results.col.score')}>{formatScore(result.score)}</Descriptions.Item>
        <Descriptions.Item label={t('results.col.unit')}>{unitWithParent(result.unit)}</Descriptions.Item>
        <Descriptions.Item label={t('results.col.proposed')}>
          <RatingTag rating={result.engineRating} />
        </Descriptions.Item>
        <Descriptions.Item label={t('results.col.final')}>
          <RatingTag rating={result.finalRating} />
        </Descriptions.Item>
      </Descriptions>

      <section aria-label={t('results.quota')} data-testid="quota-meter" style={{ marginBottom: 16 }}>
        <Typography.Text strong>{t('results.quota')}</Typography.Text>
        {quota ? (
          <>
            <Progress
              percent={quotaPercent(projected ?? quota)}
              status={projected && projected.granted > projected.allowed ? 'exception' : 'normal'}
              format={() => `${(projected ?? quota).granted}/${(projected ?? quota).allowed}`}
              aria-label={t('results.quota')}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }} aria-live="polite">
              {t('results.quotaMeter', {
                granted: quota.granted,
                allowed: quota.allowed,
                eligible: quota.eligible,
              })}
              {projected &&
                (projected.granted !== quota.granted || projected.allowed !== quota.allowed) &&
                ` · ${t('results.quotaAfter', { granted: projected.granted, allowed: projected.allowed })}`}
              {quota.exceptionPercent !== null &&
                quota.exceptionPercent !== undefined &&
                ` · ${t('results.quotaException', { percent: quota.exceptionPercent, decision: quota.exceptionDecision ?? '' })}`}
            </Typography.Text>
          </>
        ) : (
          <Progress percent={0} status="active" />
        )}
      </section>

      {error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={error}
          style={{ marginBottom: 12 }}
          data-testid="adjust-error"
        />
      )}

      <Form layout="vertical">
        <Form.Item label={t('results.adjustRating')} required>
          {decisionForm.error && !choices ? (
            <Alert type="error" showIcon role="alert" title={describeCombinedError(decisionForm.error, t)} />
          ) : !choices ? (
            <Skeleton active paragraph={{ rows: 3 }} title={false} />
          ) : choices.length === 0 ? (
            <Alert type="info" showIcon title={t('results.adjustNotAllowed')} />
          ) : (
            <Radio.Group value={rating} onChange={(event) => setRating(event.target.value as RatingValue)}>
              <Space direction="vertical">
                {choices.map((choice) => {
                  const why = refusal(choice);
                  return (
                    <Radio
                      key={choice.rating}
                      value={choice.rating}
                      disabled={why !== null && choice.rating !== result.finalRating}
                    >
                      {t(`rating.${choice.rating}`)}
                      {why && (
                        <Typography.Text
                          type="secondary"
                          style={{ display: 'block', fontSize: 12 }}
                          data-testid="forbidden-reason"
                        >
                          {why}
                        </Typography.Text>
                      )}
                    </Radio>
                  );
                })}
              </Space>
            </Radio.Group>
          )}
        </Form.Item>
        {correction && (
          <Form.Item
            label={t('results.correctNumber')}
            htmlFor="correct-number"
            required
            validateStatus={touched && numberMissing ? 'error' : undefined}
            help={touched && numberMissing ? t('results.correctRequired') : undefined}
          >
            <Input
              id="correct-number"
              maxLength={100}
              value={number}
              onChange={(event) => setNumber(event.target.value)}
            />
          </Form.Item>
        )}
        <Form.Item
          label={correction ? t('results.correctReason') : t('results.adjustReason')}
          htmlFor="adjust-reason"
          required={reasonNeeded}
          validateStatus={touched && reasonMissing ? 'error' : undefined}
          help={
            touched && reasonMissing
              ? t(correction ? 'results.correctRequired' : 'results.adjustReasonRequired')
              : undefined
          }
        >
          <Input.TextArea
            id="adjust-reason"
            rows={3}
            maxLength={2000}
            showCount
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function quotaPercent(count: { granted: number; allowed: number }): number {
  return count.allowed > 0 ? Math.min(100, Math.round((count.granted / count.allowed) * 100)) : 100;
}
