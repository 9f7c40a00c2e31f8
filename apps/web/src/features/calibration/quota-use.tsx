import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useT } from '../../i18n/i18n-context.tsx';
import { formatInteger } from '../../lib/format.ts';
import { type CalibrationUnit, maxUnits, ratingColors, unitLabel } from './chart-scales.ts';

/** The engine's excellent quota per unit against the excellent ratings decided. */
export function QuotaUse({ units }: { units: readonly CalibrationUnit[] }) {
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
