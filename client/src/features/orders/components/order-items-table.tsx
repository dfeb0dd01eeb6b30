import type { OrderDto } from '@/lib/api/generated';
import { formatMoney } from '@/lib/format';
import tableStyles from '@/components/ui/table.module.css';

export function OrderItemsTable({ order }: { order: OrderDto }) {
  return (
    <div className={tableStyles.wrap} role="region" aria-label="Items" tabIndex={0}>
      <table className={tableStyles.table}>
        <caption className="visually-hidden">Items</caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col" className={tableStyles.num}>
              Qty
            </th>
            <th scope="col" className={tableStyles.num}>
              Unit price
            </th>
            <th scope="col" className={tableStyles.num}>
              Line total
            </th>
          </tr>
        </thead>
        <tbody>
          {order.items.map((item, index) => (
            <tr key={index}>
              <td>{item.name}</td>
              <td className={tableStyles.num}>{item.quantity}</td>
              <td className={tableStyles.num}>{formatMoney(item.unitPrice ?? 0, order.currency)}</td>
              <td className={tableStyles.num}>{formatMoney((item.unitPrice ?? 0) * (item.quantity ?? 0), order.currency)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3} className={tableStyles.num}>
              Total
            </th>
            <td className={tableStyles.num}>
              <strong>{formatMoney(order.total, order.currency)}</strong>
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
