import { Button, InputNumber, Select, Space } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/i18n-context.tsx';

/** Gives the person one more product of the catalogue to do in the period, with its quantity. */
export function AddAssignment(props: {
  products: readonly { id: string; code: string; name: string; unitOfCount: string }[];
  onAssign: (productId: string, quantity: number) => Promise<void>;
}) {
  const t = useT();
  const [productId, setProductId] = useState<string | undefined>();
  const [quantity, setQuantity] = useState<number | null>(null);
  if (props.products.length === 0) return null;
  return (
    <Space.Compact size="small" style={{ marginTop: 4 }}>
      <Select
        aria-label={t('periods.product')}
        placeholder={t('periods.product')}
        style={{ width: 120 }}
        value={productId}
        onChange={setProductId}
        popupMatchSelectWidth={false}
        options={props.products.map((product) => ({
          value: product.id,
          label: `${product.code} · ${product.name} (${product.unitOfCount})`,
        }))}
      />
      <InputNumber
        aria-label={t('periods.quantity')}
        placeholder={t('periods.quantity')}
        min={0}
        value={quantity}
        onChange={setQuantity}
        style={{ width: 64 }}
      />
      <Button
        disabled={!productId || !quantity}
        onClick={async () => {
          if (!productId || !quantity) return;
          await props.onAssign(productId, quantity);
          setProductId(undefined);
          setQuantity(null);
        }}
      >
        {t('periods.assign')}
      </Button>
    </Space.Compact>
  );
}
