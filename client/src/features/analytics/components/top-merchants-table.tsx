import { Card } from '@/components/ui/card';
import type { MerchantRanking } from '@/lib/api/generated';
import tableStyles from '@/components/ui/table.module.css';

const integer = new Intl.NumberFormat();

/** Admins only: the merchants with the most orders in the range. */
export function TopMerchantsTable({ merchants }: { merchants: MerchantRanking[] }) {
  return (
    <Card title="Top merchants">
      {merchants.length === 0 ? (
        <p className="muted">No merchant has orders in this range.</p>
      ) : (
        <div className={tableStyles.wrap}>
          <table className={tableStyles.table}>
            <caption className="visually-hidden">Top merchants by orders in this range</caption>
            <thead>
              <tr>
                <th scope="col">Merchant</th>
                <th scope="col" className={tableStyles.num}>
                  Orders
                </th>
                <th scope="col" className={tableStyles.num}>
                  Delivered
                </th>
              </tr>
            </thead>
            <tbody>
              {merchants.map((m) => (
                <tr key={m.merchantId}>
                  <th scope="row">{m.name || 'Removed account'}</th>
                  <td className={tableStyles.num}>{integer.format(m.orders)}</td>
                  <td className={tableStyles.num}>{integer.format(m.deliveredOrders)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
