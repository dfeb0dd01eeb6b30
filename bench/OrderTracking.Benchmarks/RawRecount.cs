using Npgsql;
using OrderTracking.Testing;

namespace OrderTracking.Benchmarks;

/// <summary>
/// The analytics benchmark's raw baseline: the summary counted again from every order in range, the statements the
/// summary ran before it read roll-ups (<see cref="AnalyticsRecountSql"/>, also the integration tests' oracle), sent in
/// one batch straight to PostgreSQL, with no HTTP, authentication or JSON in the way.
/// </summary>
public static class RawRecount
{
    /// <summary>Runs the recount and reads every row; returns the total orders in range (the grouping-sets total).</summary>
    public static async Task<int> RunAsync(NpgsqlConnection connection, DateTimeOffset from, DateTimeOffset to, string zone, Guid? merchantId)
    {
        await using var batch = new NpgsqlBatch(connection);
        foreach (var sql in merchantId is null
                     ? [AnalyticsRecountSql.Cells, AnalyticsRecountSql.P90, AnalyticsRecountSql.Failures, AnalyticsRecountSql.TopMerchants]
                     : (string[])[AnalyticsRecountSql.Cells, AnalyticsRecountSql.P90, AnalyticsRecountSql.Failures])
        {
            var command = new NpgsqlBatchCommand(sql);
            command.Parameters.AddRange(AnalyticsRecountSql.Parameters(from, to, zone, merchantId));
            batch.BatchCommands.Add(command);
        }

        await using var reader = await batch.ExecuteReaderAsync();
        var total = -1;
        var kind = reader.GetOrdinal("kind");
        var orders = reader.GetOrdinal("orders");
        while (await reader.ReadAsync())
        {
            if (reader.GetInt32(kind) == 3)
            {
                total = reader.GetInt32(orders);
            }
        }

        while (await reader.NextResultAsync())
        {
            while (await reader.ReadAsync())
            {
                _ = reader.GetValue(0);
            }
        }

        return total;
    }
}
