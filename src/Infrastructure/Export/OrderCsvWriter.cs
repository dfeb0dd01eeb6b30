using System.Globalization;
using CsvHelper;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Orders.Queries.ExportOrders;

namespace OrderTracking.Infrastructure.Export;

/// <summary>
/// CSV through CsvHelper: RFC 4180 quoting, UTF-8 without BOM, ISO 8601 UTC times, and text cells that start
/// with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or CR prefixed with an apostrophe so spreadsheets show
/// them as text instead of running them as formulas. Rows are flushed as the buffer fills, so the export
/// streams in bounded memory whatever its size.
/// </summary>
public sealed class OrderCsvWriter : IOrderCsvWriter
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        Injection = CsvInjection.Escape,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    /// <summary>Each column's header beside the value it writes, so the two cannot drift apart.</summary>
    private static readonly (string Header, Func<OrderExportRow, string?> Value)[] Columns =
    [
        ("TrackingCode", r => r.TrackingCode),
        ("Status", r => r.Status.ToString()),
        ("MerchantId", r => r.MerchantId.ToString()),
        ("MerchantName", r => r.MerchantName),
        ("CustomerName", r => r.CustomerName),
        ("CustomerPhone", r => r.CustomerPhone),
        ("CustomerEmail", r => r.CustomerEmail),
        ("AddressLine1", r => r.AddressLine1),
        ("AddressLine2", r => r.AddressLine2),
        ("City", r => r.City),
        ("PostalCode", r => r.PostalCode),
        ("Country", r => r.Country),
        ("ItemLines", r => r.ItemLines.ToString(CultureInfo.InvariantCulture)),
        ("ItemQuantity", r => r.ItemQuantity.ToString(CultureInfo.InvariantCulture)),
        ("Total", r => r.Total.ToString("0.00", CultureInfo.InvariantCulture)),
        ("Currency", r => r.Currency),
        ("AssignedCourierId", r => r.AssignedCourierId?.ToString()),
        ("AssignedCourierName", r => r.AssignedCourierName),
        ("AssignedPartnerId", r => r.AssignedPartnerId?.ToString()),
        ("AssignedPartnerName", r => r.AssignedPartnerName),
        ("CreatedAt", r => Time(r.CreatedAt)),
        ("UpdatedAt", r => Time(r.UpdatedAt)),
        ("EstimatedDeliveryAt", r => Time(r.EstimatedDeliveryAt)),
        ("DeliveredAt", r => Time(r.DeliveredAt)),
    ];

    private static readonly string[] Headers = Columns.Select(c => c.Header).ToArray();

    public async Task WriteAsync(IAsyncEnumerable<OrderExportRow> rows, Stream output, CancellationToken cancellationToken)
    {
        await using var csv = CsvWriter.Create(output, Options, leaveOpen: true);
        csv.WriteHeader(Headers);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            foreach (var column in Columns)
            {
                csv.WriteField(column.Value(row));
            }

            await csv.EndRecordAsync(cancellationToken);
        }

        await csv.FlushAsync(cancellationToken);
    }

    private static string? Time(DateTimeOffset? value) => value?.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);
}
