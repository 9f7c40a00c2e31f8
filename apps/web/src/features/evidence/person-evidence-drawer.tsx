import { Alert, Drawer, Empty, Skeleton } from 'antd';
import { useT } from '../../i18n/i18n-context.tsx';
import { describeCombinedError } from '../../lib/error-message.ts';
import { useFocusReturn } from '../../lib/focus-return.ts';
import { CycleSelect } from '../cycles/cycle-select.tsx';
import { useCycles } from '../cycles/use-cycles.ts';
import { PersonEvidence } from './person-evidence.tsx';

/**
 * A person's imported evidence opened from the people list, before any evaluation has run: the
 * cycle chosen here (kept in the address by the page, with the person).
 */
export function PersonEvidenceDrawer(props: {
  personId: string;
  name: string | null;
  cycleId: string | undefined;
  onCycle: (cycleId: string) => void;
  onClose: () => void;
}) {
  useFocusReturn();
  const t = useT();
  const { cycles, selected: remembered, select: remember, error, fetching } = useCycles();
  const selected = cycles.find((cycle) => cycle.id === props.cycleId) ?? remembered;
  return (
    <Drawer
      open
      width={Math.min(900, window.innerWidth)}
      title={props.name ? t('evidence.drawerTitle', { name: props.name }) : t('evidence.heading')}
      onClose={props.onClose}
      destroyOnHidden
    >
      {error && !cycles.length ? (
        <Alert type="error" showIcon role="alert" title={describeCombinedError(error, t)} />
      ) : fetching && !cycles.length ? (
        <Skeleton active paragraph={{ rows: 2 }} title={false} />
      ) : !selected ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('evidence.noCycle')} />
      ) : (
        <>
          <div style={{ marginBottom: 12 }}>
            <CycleSelect
              cycles={cycles}
              value={selected.id}
              onChange={(id) => {
                remember(id);
                props.onCycle(id);
              }}
            />
          </div>
          <PersonEvidence key={selected.id} cycleId={selected.id} personId={props.personId} />
        </>
      )}
    </Drawer>
  );
}
