import { Alert, Button, Col, Empty, Row, Space, Spin, Typography } from 'antd';
import { useQuery } from 'urql';
import { useSession } from '../auth/session.ts';
import { MyAppealSection } from '../features/appeals/my-appeal-section.tsx';
import { CycleSelect } from '../features/cycles/cycle-select.tsx';
import { useCycles } from '../features/cycles/use-cycles.ts';
import { SelfAssessmentForm } from '../features/evaluation/self-assessment-form.tsx';
import { MyResultCard } from '../features/results/my-result-card.tsx';
import { MyResultQuery } from '../features/results/my-result-query.ts';
import { useT } from '../i18n/i18n-context.tsx';
import { describeCombinedError } from '../lib/error-message.ts';

export function MyResultPage() {
  const t = useT();
  const session = useSession();
  const { cycles, selected, select, error: cyclesError, fetching: cyclesLoading } = useCycles();
  const [result, reexecute] = useQuery({
    query: MyResultQuery,
    variables: { cycleId: selected?.id ?? '' },
    pause: !selected,
    requestPolicy: 'cache-and-network',
  });
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  const mine = result.data?.myResult ?? null;
  const personId = session.data?.user.personId;
  const error = result.error ?? cyclesError;

  return (
    <section aria-labelledby="my-result-heading">
      <Typography.Title level={1} id="my-result-heading" style={{ fontSize: 22 }}>
        {t('myResult.heading')}
      </Typography.Title>
      {cycles.length > 1 && (
        <div style={{ marginBottom: 12 }}>
          <CycleSelect cycles={cycles} value={selected?.id} onChange={select} />
        </div>
      )}
      {error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={describeCombinedError(error, t)}
          action={<Button onClick={refresh}>{t('app.retry')}</Button>}
          style={{ marginBottom: 12 }}
        />
      )}
      {!selected && !error && cyclesLoading && <Spin tip={t('app.loading')} />}
      {!selected && !error && !cyclesLoading && <Empty description={t('myResult.noCycle')} />}
      {selected && (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            {mine ? (
              <MyResultCard cycle={selected} mine={mine} personId={personId} />
            ) : (
              !result.fetching && (
                <Alert type="info" showIcon title={t('myResult.notPublished', { name: selected.name })} />
              )
            )}
          </Col>
          <Col xs={24} xl={10}>
            <Space direction="vertical" size={16} style={{ width: '100%' }}>
              {mine && (
                <MyAppealSection
                  cycle={selected}
                  current={mine.finalRating}
                  appeals={result.data?.myAppeals ?? []}
                  onChanged={refresh}
                />
              )}
              {result.data && (
                <SelfAssessmentForm
                  key={`${selected.id}:${result.data.cycle?.mySelfAssessment[0]?.version ?? 0}`}
                  cycle={selected}
                  current={result.data.cycle?.mySelfAssessment[0] ?? null}
                  onSaved={refresh}
                />
              )}
            </Space>
          </Col>
        </Row>
      )}
    </section>
  );
}
