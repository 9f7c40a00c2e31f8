import { Card, Col, Row, Space, Statistic, Tag, Typography } from 'antd';
import type { ResultOf } from '../../graphql/graphql.ts';
import { useT } from '../../i18n/i18n-context.tsx';
import { formatScore } from '../../lib/format.ts';
import type { CycleRow } from '../cycles/use-cycles.ts';
import { ComponentsTable } from './components-table.tsx';
import type { MyResultQuery } from './my-result-query.ts';
import { titleLabel } from './title-labels.ts';
import { TraceList } from './trace-list.tsx';

type MyResult = NonNullable<ResultOf<typeof MyResultQuery>['myResult']>;

/** The published result of the viewer: the rating and score, the head's comment, titles, the score's parts and the reasons. */
export function MyResultCard({
  cycle,
  mine,
  personId,
}: {
  cycle: CycleRow;
  mine: MyResult;
  personId: string | null | undefined;
}) {
  const t = useT();
  const selected = cycle;
  return (
    <Card
      title={selected.name}
      extra={
        personId ? (
          <a
            href={`/api/export/rating-form.pdf?${new URLSearchParams({ cycleId: selected.id, personId })}`}
            download
          >
            {t('myResult.printForm')}
          </a>
        ) : null
      }
    >
      <Row gutter={16}>
        <Col xs={24} sm={16}>
          <Statistic
            title={t('myResult.rating')}
            value={t(`rating.${mine.finalRating}`)}
            data-testid="my-rating"
          />
        </Col>
        <Col xs={24} sm={8}>
          <Statistic title={t('myResult.score')} value={formatScore(mine.score)} />
        </Col>
      </Row>
      {mine.finalReason && (
        <Typography.Paragraph style={{ marginTop: 12 }}>
          {t('results.finalReason')}: {mine.finalReason}
        </Typography.Paragraph>
      )}
      {mine.headComment && (
        <div data-testid="head-comment" style={{ marginTop: 12 }}>
          <Typography.Text strong>{t('myResult.headComment')}</Typography.Text>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
            {mine.headComment}
          </Typography.Paragraph>
        </div>
      )}
      <Typography.Title level={3} style={{ fontSize: 16, marginTop: 16 }}>
        {t('myResult.titles')}
      </Typography.Title>
      <Space wrap>
        {mine.titles.length === 0
          ? t('app.none')
          : mine.titles.map((title) => (
              <Tag key={title} color="gold">
                {titleLabel(title, t)}
              </Tag>
            ))}
      </Space>
      <Typography.Title level={3} style={{ fontSize: 16, marginTop: 16 }}>
        {t('myResult.breakdown')}
      </Typography.Title>
      <ComponentsTable components={mine.components} score={mine.score} />
      <Typography.Title level={3} style={{ fontSize: 16, marginTop: 16 }}>
        {t('myResult.reasons')}
      </Typography.Title>
      <TraceList trace={mine.trace} />
    </Card>
  );
}
