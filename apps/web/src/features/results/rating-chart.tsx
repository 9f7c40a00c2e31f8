import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useT } from '../../i18n/i18n-context.tsx';
import { formatInteger } from '../../lib/format.ts';
import type { RatingCounts } from './rating-counts.ts';
import { type RatingValue, ratingDisplayOrder } from './rating-display.ts';

const ratingColors: Record<RatingValue, string> = {
  EXCELLENT: '#389e0d',
  GOOD: '#1677ff',
  COMPLETED: '#d4b106',
  NOT_COMPLETED: '#cf1322',
  NOT_RATED: '#8c8c8c',
};
const chartRatings = ratingDisplayOrder;

export type RatingBucket = { name: string } & RatingCounts;

export function RatingChart({
  rows,
  height,
  byYear,
}: {
  rows: RatingBucket[];
  height: number;
  byYear?: boolean;
}) {
  const t = useT();
  if (byYear) {
    return (
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={rows} margin={{ left: 0, right: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="name" />
          <YAxis allowDecimals={false} tickFormatter={(value: number) => formatInteger(value)} />
          <Tooltip formatter={(value) => formatInteger(Number(value))} />
          {chartRatings.map((rating) => (
            <Bar
              key={rating}
              dataKey={rating}
              stackId="r"
              name={t(`rating.${rating}`)}
              fill={ratingColors[rating]}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    );
  }
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={rows} layout="vertical" margin={{ left: 8, right: 16 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} tickFormatter={(value: number) => formatInteger(value)} />
        <YAxis type="category" dataKey="name" width={190} tick={{ fontSize: 12 }} />
        <Tooltip formatter={(value) => formatInteger(Number(value))} />
        <Legend />
        {chartRatings.map((rating) => (
          <Bar
            key={rating}
            dataKey={rating}
            stackId="r"
            name={t(`rating.${rating}`)}
            fill={ratingColors[rating]}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
