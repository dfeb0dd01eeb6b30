using Npgsql;
using NpgsqlTypes;
using OrderTracking.Domain.Orders;

namespace OrderTracking.Benchmarks;

/// <summary>
/// Writes orders, their items and their histories with binary COPY. The secondary indexes and foreign keys of
/// those tables are dropped first and made again afterwards (building an index once is far cheaper than keeping
/// it up to date row by row); their definitions are read from the catalog, so they are exactly the migrated ones.
/// Their triggers (the analytics roll-ups' record of every change) are disabled meanwhile and enabled again after:
/// the roll-ups are then rebuilt once, as the <c>rebuild-analytics</c> operations verb does.
/// </summary>
public sealed class BulkLoader(NpgsqlConnection connection)
{
    private static readonly string[] Tables = ["orders", "order_items", "order_history"];

    private const string OrderColumns =
        "id, tracking_code, merchant_id, status, customer_name, customer_phone, customer_email, delivery_address_line1, " +
        "delivery_address_line2, delivery_address_city, delivery_address_postal_code, delivery_address_country, currency, total, " +
        "notes, estimated_delivery_at, assigned_courier_id, assigned_partner_id, created_at, updated_at, delivered_at, status_changed_at, " +
        "seconds_in_pending, seconds_in_confirmed, seconds_in_preparing, seconds_in_ready_for_pickup, seconds_in_picked_up, " +
        "seconds_in_in_transit, seconds_in_delivery_failed, version";

    private List<string> _recreate = [];

    /// <summary>Drops the secondary indexes and foreign keys, disables the triggers; returns how many statements <see cref="RestoreAsync"/> will run.</summary>
    public async Task<int> DropSecondaryStructuresAsync()
    {
        var drop = new List<string>();
        var recreateIndexes = new List<string>();
        var recreateKeys = new List<string>();
        await using (var keys = new NpgsqlCommand(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE contype = 'f' AND conrelid::regclass::text = ANY(@tables)", connection))
        {
            keys.Parameters.AddWithValue("tables", Tables);
            await using var reader = await keys.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                drop.Add($"ALTER TABLE {Quote(reader.GetString(0))} DROP CONSTRAINT {Quote(reader.GetString(1))}");
                recreateKeys.Add($"ALTER TABLE {Quote(reader.GetString(0))} ADD CONSTRAINT {Quote(reader.GetString(1))} {reader.GetString(2)}");
            }
        }

        await using (var indexes = new NpgsqlCommand(
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = ANY(@tables) " +
            "AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE contype IN ('p', 'u'))", connection))
        {
            indexes.Parameters.AddWithValue("tables", Tables);
            await using var reader = await indexes.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                drop.Add($"DROP INDEX {Quote(reader.GetString(0))}");
                recreateIndexes.Add(reader.GetString(1));
            }
        }

        var enableTriggers = new List<string>();
        await using (var triggers = new NpgsqlCommand(
            "SELECT tgrelid::regclass::text, tgname FROM pg_trigger WHERE NOT tgisinternal AND tgenabled <> 'D' AND tgrelid::regclass::text = ANY(@tables)", connection))
        {
            triggers.Parameters.AddWithValue("tables", Tables);
            await using var reader = await triggers.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                drop.Add($"ALTER TABLE {Quote(reader.GetString(0))} DISABLE TRIGGER {Quote(reader.GetString(1))}");
                enableTriggers.Add($"ALTER TABLE {Quote(reader.GetString(0))} ENABLE TRIGGER {Quote(reader.GetString(1))}");
            }
        }

        foreach (var statement in drop)
        {
            await ExecuteAsync(statement);
        }

        _recreate = [.. recreateIndexes, .. recreateKeys, .. enableTriggers];
        return _recreate.Count;
    }

    /// <summary>Makes the dropped indexes and foreign keys again and enables the triggers, one statement at a time.</summary>
    public async Task RestoreAsync(Action<string> done)
    {
        await ExecuteAsync("SET maintenance_work_mem = '512MB'");
        foreach (var statement in _recreate)
        {
            await ExecuteAsync(statement);
            done(statement);
        }
    }

    public async Task CopyAsync(IReadOnlyList<Order> orders)
    {
        await using (var importer = await connection.BeginBinaryImportAsync($"COPY orders ({OrderColumns}) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var o in orders)
            {
                await importer.StartRowAsync();
                await importer.WriteAsync(o.Id, NpgsqlDbType.Uuid);
                await importer.WriteAsync(o.TrackingCode, NpgsqlDbType.Varchar);
                await importer.WriteAsync(o.MerchantId, NpgsqlDbType.Uuid);
                await importer.WriteAsync(o.Status.ToString(), NpgsqlDbType.Varchar);
                await importer.WriteAsync(o.Customer.Name, NpgsqlDbType.Varchar);
                await importer.WriteAsync(o.Customer.Phone, NpgsqlDbType.Varchar);
                await WriteNullableAsync(importer, o.Customer.Email, NpgsqlDbType.Varchar);
                await importer.WriteAsync(o.DeliveryAddress.Line1, NpgsqlDbType.Varchar);
                await WriteNullableAsync(importer, o.DeliveryAddress.Line2, NpgsqlDbType.Varchar);
                await importer.WriteAsync(o.DeliveryAddress.City, NpgsqlDbType.Varchar);
                await importer.WriteAsync(o.DeliveryAddress.PostalCode, NpgsqlDbType.Varchar);
                await importer.WriteAsync(o.DeliveryAddress.Country, NpgsqlDbType.Varchar);
                await importer.WriteAsync(o.Currency, NpgsqlDbType.Char);
                await importer.WriteAsync(o.Total, NpgsqlDbType.Numeric);
                await WriteNullableAsync(importer, o.Notes, NpgsqlDbType.Varchar);
                await WriteOptionalAsync(importer, o.EstimatedDeliveryAt, NpgsqlDbType.TimestampTz);
                await WriteOptionalAsync(importer, o.AssignedCourierId, NpgsqlDbType.Uuid);
                await WriteOptionalAsync(importer, o.AssignedPartnerId, NpgsqlDbType.Uuid);
                await importer.WriteAsync(o.CreatedAt, NpgsqlDbType.TimestampTz);
                await importer.WriteAsync(o.UpdatedAt, NpgsqlDbType.TimestampTz);
                await WriteOptionalAsync(importer, o.DeliveredAt, NpgsqlDbType.TimestampTz);
                await importer.WriteAsync(o.StatusChangedAt, NpgsqlDbType.TimestampTz);
                foreach (var time in new[] { o.TimeInStatus.Pending, o.TimeInStatus.Confirmed, o.TimeInStatus.Preparing, o.TimeInStatus.ReadyForPickup, o.TimeInStatus.PickedUp, o.TimeInStatus.InTransit, o.TimeInStatus.DeliveryFailed })
                {
                    await WriteOptionalAsync(importer, time is { } span ? span.Ticks / (double)TimeSpan.TicksPerSecond : (double?)null, NpgsqlDbType.Double);
                }

                await importer.WriteAsync((int)o.Version, NpgsqlDbType.Integer);
            }

            await importer.CompleteAsync();
        }

        await using (var importer = await connection.BeginBinaryImportAsync("COPY order_items (order_id, name, quantity, unit_price) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var o in orders)
            {
                foreach (var item in o.Items)
                {
                    await importer.StartRowAsync();
                    await importer.WriteAsync(o.Id, NpgsqlDbType.Uuid);
                    await importer.WriteAsync(item.Name, NpgsqlDbType.Varchar);
                    await importer.WriteAsync(item.Quantity, NpgsqlDbType.Integer);
                    await importer.WriteAsync(item.UnitPrice, NpgsqlDbType.Numeric);
                }
            }

            await importer.CompleteAsync();
        }

        await using (var importer = await connection.BeginBinaryImportAsync(
            "COPY order_history (id, order_id, version, \"from\", \"to\", at, actor_type, actor_id, actor_name, note, reason) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var h in orders.SelectMany(o => o.History))
            {
                await importer.StartRowAsync();
                await importer.WriteAsync(h.Id, NpgsqlDbType.Uuid);
                await importer.WriteAsync(h.OrderId, NpgsqlDbType.Uuid);
                await importer.WriteAsync((int)h.Version, NpgsqlDbType.Integer);
                await WriteNullableAsync(importer, h.From?.ToString(), NpgsqlDbType.Varchar);
                await importer.WriteAsync(h.To.ToString(), NpgsqlDbType.Varchar);
                await importer.WriteAsync(h.At, NpgsqlDbType.TimestampTz);
                await importer.WriteAsync(h.ActorType.ToString(), NpgsqlDbType.Varchar);
                await importer.WriteAsync(h.ActorId, NpgsqlDbType.Uuid);
                await importer.WriteAsync(h.ActorName, NpgsqlDbType.Varchar);
                await WriteNullableAsync(importer, h.Note, NpgsqlDbType.Varchar);
                await WriteNullableAsync(importer, h.Reason, NpgsqlDbType.Varchar);
            }

            await importer.CompleteAsync();
        }
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type) where T : class =>
        value is null ? importer.WriteNullAsync() : importer.WriteAsync(value, type);

    private static Task WriteOptionalAsync<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type) where T : struct =>
        value is { } present ? importer.WriteAsync(present, type) : importer.WriteNullAsync();

    private static string Quote(string identifier) =>
        identifier.StartsWith('"') ? identifier : "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
