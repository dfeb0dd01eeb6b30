using CsvHelper;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Orders.Queries.ExportOrders;

namespace OrderTracking.Infrastructure.Export;

/// <summary>
/// CSV through CsvHelper: RFC 4180 quoting, UTF-8 without BOM, ISO 8601 times, and text cells that start
/// with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or CR prefixed with an apostrophe so spreadsheets
/// show them as text instead of running them as formulas. Rows are flushed as the buffer fills, so the
/// export streams in bounded memory whatever its size.
/// </summary>
public sealed class OrderCsvWriter : IOrderCsvWriter
{
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        HasHeader = true,
        Injection = CsvInjection.Escape,
    };

    public async Task WriteAsync(IAsyncEnumerable<OrderExportRow> rows, Stream output, CancellationToken cancellationToken)
    {
        await using var csv = CsvWriter.Create(output, Options, leaveOpen: true);
        await csv.WriteRecordsAsync(rows, cancellationToken);
        await csv.FlushAsync(cancellationToken);
    }
}
