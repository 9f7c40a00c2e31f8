import { Button, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useQuery } from 'urql';
import { useSession } from '../auth/session.ts';
import { CycleSelect } from '../features/cycles/cycle-select.tsx';
import { useCycles } from '../features/cycles/use-cycles.ts';
import {
  type FlagKind,
  type FlagReview,
  type FlagRow,
  FlagsQuery,
  kinds,
  pageSize,
  reviews,
} from '../features/flags/flags-query.ts';
import { FlagsTable } from '../features/flags/flags-table.tsx';
import { ReviewFlagModal } from '../features/flags/review-flag-modal.tsx';
import { useT } from '../i18n/i18n-context.tsx';
import { describeCombinedError } from '../lib/error-message.ts';

export function FlagsPage() {
  const t = useT();
  const session = useSession();
  const canReview = session.data?.user.role === 'ADMIN' || session.data?.user.role === 'OFFICER';
  const { cycles, selected, select } = useCycles();
  const [kind, setKind] = useState<FlagKind | undefined>();
  const [review, setReview] = useState<FlagReview | undefined>();
  const [after, setAfter] = useState<string | null>(null);
  const [reviewing, setReviewing] = useState<FlagRow | null>(null);
  const [result] = useQuery({
    query: FlagsQuery,
    variables: { cycleId: selected?.id ?? '', first: pageSize, after, kind, review },
    pause: !selected,
  });
  const connection = result.data?.flags;

  return (
    <div>
      <Typography.Title level={1} style={{ fontSize: 30 }}>
        {t('flags.heading')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('flags.intro')}</Typography.Paragraph>
      <Space wrap size="large" align="end" style={{ marginBottom: 16 }}>
        <CycleSelect
          cycles={cycles}
          value={selected?.id}
          onChange={(id) => {
            select(id);
            setAfter(null);
          }}
        />
        <Select<FlagKind>
          aria-label={t('flags.kind')}
          placeholder={t('flags.allKinds')}
          allowClear
          style={{ width: 260 }}
          value={kind}
          onChange={(value) => {
            setKind(value);
            setAfter(null);
          }}
          options={kinds.map((value) => ({ value, label: t(`flag.${value}`) }))}
        />
        <Select<FlagReview>
          aria-label={t('flags.review')}
          placeholder={t('flags.allReviews')}
          allowClear
          style={{ width: 200 }}
          value={review}
          onChange={(value) => {
            setReview(value);
            setAfter(null);
          }}
          options={reviews.map((value) => ({ value, label: t(`flagReview.${value}`) }))}
        />
        {connection && (
          <Typography.Text>{t('flags.count', { count: connection.totalCount })}</Typography.Text>
        )}
      </Space>
      {result.error && (
        <Typography.Paragraph type="danger" role="alert">
          {describeCombinedError(result.error, t)}
        </Typography.Paragraph>
      )}
      <FlagsTable
        rows={connection?.edges.map((edge) => edge.node) ?? []}
        loading={result.fetching}
        canReview={canReview}
        onReview={setReviewing}
      />
      {connection?.pageInfo.hasNextPage && (
        <Button style={{ marginTop: 12 }} onClick={() => setAfter(connection.pageInfo.endCursor ?? null)}>
          {t('flags.nextPage')}
        </Button>
      )}
      {reviewing && <ReviewFlagModal flag={reviewing} onClose={() => setReviewing(null)} />}
    </div>
  );
}
