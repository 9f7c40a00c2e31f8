import {
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useT } from '../../i18n/i18n-context.tsx';
import { formatScore } from '../../lib/format.ts';
import type { CalibrationData } from './calibration-queries.ts';
import { ratingColors, ratingLevel, ratings } from './chart-scales.ts';

type Point = CalibrationData['points'][number];

/** Each person: what the evidence says (x) against the final rating (y). */
export function EvidenceScatter({ points }: { points: readonly Point[] }) {
  const t = useT();
  const byRating = ratings.map((rating) => ({
    rating,
    data: points
      .filter((point) => point.final === rating && point.evidenceScore !== null)
      .map((point, index) => ({
        x: point.evidenceScore as number,
        // a little spread so people with the same figures do not hide one another
        y: ratingLevel[rating] + ((index % 7) - 3) * 0.05,
        name: point.personName ?? '',
      })),
  }));
  return (
    <ResponsiveContainer width="100%" height={320}>
      <ScatterChart margin={{ left: 8, right: 16, top: 8, bottom: 24 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis
          type="number"
          dataKey="x"
          domain={[0, 100]}
          name={t('calibration.evidenceAxis')}
          label={{ value: t('calibration.evidenceAxis'), position: 'insideBottom', offset: -12 }}
        />
        <YAxis
          type="number"
          dataKey="y"
          domain={[0.5, 4.5]}
          ticks={[1, 2, 3, 4]}
          width={120}
          tick={{ fontSize: 11 }}
          tickFormatter={(value: number) => {
            const rating = ratings.find((item) => ratingLevel[item] === Math.round(value));
            return rating ? t(`ratingShort.${rating}`) : '';
          }}
        />
        <Tooltip
          formatter={(value, name) => (name === 'x' ? formatScore(Number(value)) : String(value))}
          labelFormatter={() => ''}
        />
        <Legend />
        {byRating.map((series) => (
          <Scatter
            key={series.rating}
            name={t(`rating.${series.rating}`)}
            data={series.data}
            fill={ratingColors[series.rating]}
            isAnimationActive={false}
          />
        ))}
      </ScatterChart>
    </ResponsiveContainer>
  );
}
