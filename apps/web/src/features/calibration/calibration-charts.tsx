import {
  Bar,
  BarChart,
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
import { formatInteger, formatScore } from '../../lib/format.ts';
import { type RatingValue, ratingDisplayOrder } from '../results/rating-display.ts';
import type { CalibrationData } from './calibration-queries.ts';

export const ratingColors: Record<RatingValue, string> = {
  EXCELLENT: '#237804',
  GOOD: '#0958d9',
  COMPLETED: '#876800',
  NOT_COMPLETED: '#a8071a',
  NOT_RATED: '#595959',
};
const ratings = ratingDisplayOrder;
const ratingLevel: Record<RatingValue, number> = {
  EXCELLENT: 4,
  GOOD: 3,
  COMPLETED: 2,
  NOT_COMPLETED: 1,
  NOT_RATED: 0,
};
const maxUnits = 24;

type Unit = CalibrationData['units'][number];

/** "Văn phòng · Sở Nội vụ": every department has a Văn phòng, so the parent tells them apart. */
export function unitLabel(unit: Unit['unit']): string {
  return unit.parent ? `${unit.name} · ${unit.parent.name}` : unit.name;
}

/** Per unit, the engine's proposals and the decisions side by side, stacked by rating. */
export function DistributionBars({ units }: { units: readonly Unit[] }) {
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

/** The engine's excellent quota per unit against the excellent ratings decided. */
export function QuotaUse({ units }: { units: readonly Unit[] }) {
  const t = useT();
  const rows = units
    .filter((row) => row.excellentAllowed !== null)
    .map((row) => ({
      name: unitLabel(row.unit),
      allowed: row.excellentAllowed ?? 0,
      used: row.final.find((item) => item.rating === 'EXCELLENT')?.count ?? 0,
    }))
    .filter((row) => row.allowed > 0 || row.used > 0)
    .sort((a, b) => b.used - b.allowed - (a.used - a.allowed))
    .slice(0, maxUnits);
  return (
    <ResponsiveContainer width="100%" height={Math.max(240, rows.length * 30 + 80)}>
      <BarChart data={rows} layout="vertical" margin={{ left: 8, right: 16 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} />
        <YAxis type="category" dataKey="name" width={230} tick={{ fontSize: 12 }} />
        <Tooltip formatter={(value) => formatInteger(Number(value))} />
        <Legend />
        <Bar dataKey="allowed" name={t('calibration.quotaAllowed')} fill="#8c8c8c" />
        <Bar dataKey="used" name={t('calibration.quotaUsed')} fill={ratingColors.EXCELLENT} />
      </BarChart>
    </ResponsiveContainer>
  );
}
