import { Card, Statistic } from 'antd';
import { useQuery } from 'urql';
import { graphql } from '../../graphql/graphql.ts';
import { useT } from '../../i18n/i18n-context.tsx';
import { formatInteger } from '../../lib/format.ts';

const PeopleCount = graphql(`
  query DashboardPeopleCount {
    people(first: 1) {
      totalCount
    }
  }
`);

/** How many people the viewer's scope holds. */
export function PeopleCountCard() {
  const t = useT();
  const [people] = useQuery({ query: PeopleCount });
  return (
    <Card>
      <Statistic
        title={t('dashboard.people')}
        value={people.data ? formatInteger(people.data.people.totalCount) : '–'}
        loading={people.fetching}
      />
    </Card>
  );
}
