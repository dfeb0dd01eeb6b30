import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Card } from '@/components/ui/card';
import type { ChartDatum } from '../utils/summary-view';
import styles from './analytics.module.css';

export interface BarChartCardProps {
  title: string;
  description?: string;
  data: ChartDatum[];
  /** Column headers of the table that stands in for the chart. */
  categoryName: string;
  valueName: string;
  /** `columns` for a series over time, `rows` for named categories (their labels stay readable on a phone). */
  shape?: 'columns' | 'rows';
  emptyText: string;
  color?: string;
}

const chartHeight = 260;
const axisTick = { fill: '#4b5563', fontSize: 12 };

/**
 * A bar chart with a heading and a table as its text alternative: the drawing is hidden from assistive technology and
 * the (visually hidden) table says the same, so nothing depends on seeing the bars or telling colours apart.
 */
export function BarChartCard({
  title,
  description,
  data,
  categoryName,
  valueName,
  shape = 'rows',
  emptyText,
  color = '#1d4ed8',
}: BarChartCardProps) {
  const rows = shape === 'rows';
  const height = rows ? Math.max(160, data.length * 36 + 40) : chartHeight;
  return (
    <Card title={title} className={styles.chartCard}>
      {description && <p className="muted small">{description}</p>}
      {data.length === 0 ? (
        <p className="muted">{emptyText}</p>
      ) : (
        <>
          <div className={styles.chart} aria-hidden="true">
            <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 600, height }}>
              <BarChart
                data={data}
                layout={rows ? 'vertical' : 'horizontal'}
                accessibilityLayer={false}
                margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
              >
                <CartesianGrid strokeDasharray="3 3" stroke="#d6dae1" horizontal={!rows} vertical={rows} />
                {rows ? (
                  <>
                    <XAxis type="number" allowDecimals={false} tick={axisTick} />
                    <YAxis type="category" dataKey="label" width={130} tick={axisTick} />
                  </>
                ) : (
                  <>
                    <XAxis dataKey="label" tick={axisTick} minTickGap={12} />
                    <YAxis allowDecimals={false} width={40} tick={axisTick} />
                  </>
                )}
                <Tooltip formatter={(_value, _name, item) => [(item.payload as ChartDatum).display, valueName]} />
                <Bar dataKey="value" name={valueName} fill={color} radius={rows ? [0, 4, 4, 0] : [4, 4, 0, 0]} isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
          {/* A table is never narrower than its content: hiding the table itself left it 4 px past a phone's edge. */}
          <div className="visually-hidden">
            <table>
              <caption>{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{categoryName}</th>
                  <th scope="col">{valueName}</th>
                </tr>
              </thead>
              <tbody>
                {data.map((d) => (
                  <tr key={d.key}>
                    <th scope="row">{d.label}</th>
                    <td>{d.display}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Card>
  );
}
