using OrderTracking.Application.Orders.Queries.ExportOrders;

namespace OrderTracking.Application.Common.Interfaces;

/// <summary>Writes export rows as RFC 4180 CSV, row by row, with spreadsheet formulas neutralised.</summary>
public interface IOrderCsvWriter
{
    Task WriteAsync(IAsyncEnumerable<OrderExportRow> rows, Stream output, CancellationToken cancellationToken);
}
