using Npgsql;

namespace OrderTracking.WebApi.IntegrationTests.Infrastructure;

/// <summary>Many orders at once, for tests that need volume: copies of one order, straight in the database.</summary>
public static class OrderCopies
{
    /// <summary>
    /// Every column of the order as it is, but a new id and a new code (hexadecimal digits are all in the code
    /// alphabet), <paramref name="copies"/> times in one statement. It runs on a connection of its own, without the app's
    /// statement timeout: thousands of rows and their index entries outlast it on a busy machine.
    /// </summary>
    public static async Task<int> InsertAsync(string connectionString, Guid orderId, int copies)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO orders
            SELECT (jsonb_populate_record(NULL::orders, to_jsonb(o) || jsonb_build_object(
                'id', gen_random_uuid(),
                'tracking_code', 'OT-' || upper(substr(md5(n::text || random()::text), 1, 10))))).*
            FROM orders o, generate_series(1, @copies) AS n
            WHERE o.id = @order
            """,
            connection) { CommandTimeout = 300 };
        command.Parameters.AddWithValue("copies", copies);
        command.Parameters.AddWithValue("order", orderId);
        return await command.ExecuteNonQueryAsync();
    }
}
