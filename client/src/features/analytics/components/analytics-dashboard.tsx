import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { useAnalyticsSummary } from '../api/use-analytics-summary';
import { useDashboardRange } from '../hooks/use-dashboard-range';
import { browserTimeZone } from '../utils/date-range';
import { toSummaryView } from '../utils/summary-view';
import { BarChartCard } from './bar-chart-card';
import { DateRangePicker } from './date-range-picker';
import { FigureCards } from './figure-cards';
import { TopMerchantsTable } from './top-merchants-table';
import styles from './analytics.module.css';

/** Figures and charts over the orders created in the chosen range; live updates refetch them when an order changes. */
export function AnalyticsDashboard() {
  const { range, setRange } = useDashboardRange();
  const summary = useAnalyticsSummary(range);
  const timeZone = browserTimeZone();
  const view = summary.data ? toSummaryView(summary.data) : undefined;

  return (
    <div className="stack">
      <DateRangePicker key={`${range.from}/${range.to}`} range={range} onChange={setRange} timeZone={timeZone} />
      {summary.isPending ? (
        <LoadingState label="Loading the figures…" />
      ) : summary.isError && !view ? (
        <ErrorState error={summary.error} title="Could not load the figures" onRetry={() => void summary.refetch()} />
      ) : view ? (
        <div className="stack" aria-busy={summary.isPlaceholderData || undefined}>
          {summary.isError && (
            <ErrorState error={summary.error} title="Could not refresh the figures" onRetry={() => void summary.refetch()} />
          )}
          <FigureCards figures={view.figures} />
          {view.totalOrders === 0 ? (
            <EmptyState title="No orders in this range" description="Choose a longer range, or come back when orders arrive." />
          ) : (
            <div className={styles.chartGrid}>
              <BarChartCard
                title="Orders per day"
                description={`By the day they were created (${timeZone}).`}
                data={view.ordersPerDay}
                categoryName="Day"
                valueName="Orders"
                shape="columns"
                emptyText="No orders in this range."
              />
              <BarChartCard
                title="Status mix"
                description="Where the orders of this range stand now."
                data={view.statusMix}
                categoryName="Status"
                valueName="Orders"
                emptyText="No orders in this range."
                color="#5b21b6"
              />
              <BarChartCard
                title="Average time in status"
                description="Hours, over the orders that have left each status."
                data={view.timeInStatus}
                categoryName="Status"
                valueName="Average time"
                emptyText="No order has moved on from a status yet."
                color="#166534"
              />
              <BarChartCard
                title="Failed delivery reasons"
                description="Failed attempts, most frequent first."
                data={view.failureReasons}
                categoryName="Reason"
                valueName="Failed attempts"
                emptyText="No failed deliveries in this range."
                color="#8a4b00"
              />
            </div>
          )}
          {view.topMerchants && <TopMerchantsTable merchants={view.topMerchants} />}
        </div>
      ) : null}
    </div>
  );
}
