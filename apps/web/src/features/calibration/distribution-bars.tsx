import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useT } from '../../i18n/i18n-context.tsx';
import { formatInteger } from '../../lib/format.ts';
import { type CalibrationUnit, maxUnits, ratingColors, ratings, unitLabel } from './chart-scales.ts';

/** Per unit, the engine's proposals and the decisions side by side, stacked by rating. */
export function DistributionBars({ units }: { units: readonly CalibrationUnit[] }) {
  const t = useT();
  const rows = [...units]
    .sort((a, b) => b.people - a.people)
    .slice(0, maxUnits)
    .map((row) => {
      const entry: Record<string, string | number> = { name: unitLabel(row.unit) };
      for (const item of row.proposed) entry[`p.${item.rating}`] = item.count;
      for (const item of row.final) entry[`f.${item.rating}`] = item.count;
      return entry;
    });
  return (
    <ResponsiveContainer width="100%" height={Math.max(280, rows.length * 44 + 90)}>
      <BarChart data={rows} layout="vertical" margin={{ left: 8, right: 16 }} barGap={2}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} tickFormatter={(value: number) => formatInteger(value)} />
        <YAxis type="category" dataKey="name" width={230} tick={{ fontSize: 12 }} />
        <Tooltip formatter={(value) => formatInteger(Number(value))} />
        <Legend />
        {ratings.map((rating) => (
          <Bar
            key={`p.${rating}`}
            dataKey={`p.${rating}`}
            stackId="proposed"
            name={`${t('calibration.proposedShort')}: ${t(`rating.${rating}`)}`}
            fill={ratingColors[rating]}
            fillOpacity={0.45}
            legendType="none"
          />
        ))}
        {ratings.map((rating) => (
          <Bar
            key={`f.${rating}`}
            dataKey={`f.${rating}`}
            stackId="final"
            name={t(`rating.${rating}`)}
            fill={ratingColors[rating]}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
