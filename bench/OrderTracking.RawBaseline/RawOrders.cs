using System.Buffers.Binary;
using System.Security.Claims;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace OrderTracking.RawBaseline;

/// <summary>
/// The baseline's routes: each is one statement, or one transaction sent as one batch, written by hand, with
/// the answer written straight to the response. Merchants see their own orders, admins every order.
/// </summary>
public sealed class RawOrders(NpgsqlDataSource dataSource)
{
    private const string OrderColumns = """
        o.id, o.tracking_code, o.merchant_id, o.status, o.customer_name, o.customer_phone, o.customer_email,
        o.delivery_address_line1, o.delivery_address_line2, o.delivery_address_city, o.delivery_address_postal_code,
        o.delivery_address_country, o.currency, o.total, o.notes, o.estimated_delivery_at, o.assigned_courier_id,
        o.assigned_partner_id, o.created_at, o.updated_at, o.version,
        (SELECT coalesce(json_agg(json_build_object('name', i.name, 'quantity', i.quantity, 'unitPrice', i.unit_price) ORDER BY i.id), '[]')
           FROM order_items i WHERE i.order_id = o.id)::text
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // Only the moves the benchmark makes and their sources; the product's lifecycle table has the whole rule.
    private static readonly Dictionary<string, string[]> Sources = new()
    {
        ["Confirmed"] = ["Pending"],
        ["InTransit"] = ["PickedUp", "DeliveryFailed"],
        ["DeliveryFailed"] = ["InTransit"],
        ["Delivered"] = ["InTransit"],
    };

    public async Task GetAsync(Guid id, HttpContext http)
    {
        var merchant = MerchantOf(http.User);
        await using var command = dataSource.CreateCommand(
            $"SELECT {OrderColumns} FROM orders o WHERE o.id = $1" + (merchant is null ? string.Empty : " AND o.merchant_id = $2"));
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        AddMerchant(command, merchant);
        await using var reader = await command.ExecuteReaderAsync(http.RequestAborted);
        if (!await reader.ReadAsync(http.RequestAborted))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        await WriteAsync(http, StatusCodes.Status200OK, writer => WriteOrder(writer, reader));
    }

    public async Task ListAsync(string? cursor, HttpContext http)
    {
        var merchant = MerchantOf(http.User);
        (DateTimeOffset At, Guid Id)? after = null;
        if (cursor is not null)
        {
            after = DecodeCursor(cursor);
            if (after is null)
            {
                http.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }
        }

        var conditions = new List<string>();
        await using var command = dataSource.CreateCommand();
        if (merchant is { } m)
        {
            command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = m });
            conditions.Add($"o.merchant_id = ${command.Parameters.Count}");
        }

        if (after is { } a)
        {
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = a.At });
            command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = a.Id });
            conditions.Add($"(o.created_at, o.id) < (${command.Parameters.Count - 1}, ${command.Parameters.Count})");
        }

        command.CommandText = $"SELECT {OrderColumns} FROM orders o"
            + (conditions.Count > 0 ? " WHERE " + string.Join(" AND ", conditions) : string.Empty)
            + " ORDER BY o.created_at DESC, o.id DESC LIMIT 26";
        await using var reader = await command.ExecuteReaderAsync(http.RequestAborted);
        var rows = 0;
        (DateTimeOffset At, Guid Id) last = default;
        await WriteAsync(http, StatusCodes.Status200OK, async writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("items");
            while (rows < 25 && await reader.ReadAsync(http.RequestAborted))
            {
                WriteOrder(writer, reader);
                last = (reader.GetFieldValue<DateTimeOffset>(18), reader.GetGuid(0));
                rows++;
            }

            writer.WriteEndArray();
            var more = rows == 25 && await reader.ReadAsync(http.RequestAborted);
            writer.WriteString("nextCursor", more ? EncodeCursor(last.At, last.Id) : null);
            writer.WriteEndObject();
        });
    }

    public async Task TrackingAsync(string code, HttpContext http)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT o.tracking_code, o.status, u.display_name, o.created_at, o.estimated_delivery_at,
                   (SELECT coalesce(json_agg(json_build_object('status', h."to", 'at', h.at) ORDER BY h.at), '[]')
                      FROM order_history h WHERE h.order_id = o.id AND h."from" IS DISTINCT FROM h."to")::text
            FROM orders o JOIN users u ON u.id = o.merchant_id
            WHERE o.tracking_code = $1
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = code.Trim().ToUpperInvariant() });
        await using var reader = await command.ExecuteReaderAsync(http.RequestAborted);
        if (!await reader.ReadAsync(http.RequestAborted))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        await WriteAsync(http, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("trackingCode", reader.GetString(0));
            writer.WriteString("status", reader.GetString(1));
            writer.WriteString("merchantName", reader.GetString(2));
            writer.WriteString("createdAt", reader.GetFieldValue<DateTimeOffset>(3));
            WriteNullable(writer, "estimatedDeliveryAt", reader, 4);
            writer.WritePropertyName("timeline");
            writer.WriteRawValue(reader.GetString(5), skipInputValidation: true);
            writer.WriteEndObject();
        });
    }

    /// <summary>One transaction, one round trip: the order, its items and its first history entry.</summary>
    public async Task CreateAsync(HttpContext http)
    {
        var request = await JsonSerializer.DeserializeAsync<CreateOrderRequest>(http.Request.Body, Json, http.RequestAborted);
        if (request?.Customer is not { } customer || request.DeliveryAddress is not { } address || request.Items is not { Count: > 0 } items || request.Currency is null)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var actor = ActorOf(http.User);
        var merchantId = MerchantOf(http.User) ?? request.MerchantId ?? Guid.Empty;
        var now = DateTimeOffset.UtcNow;
        var id = Guid.CreateVersion7(now);
        var trackingCode = "OT-" + System.Security.Cryptography.RandomNumberGenerator.GetString("0123456789ABCDEFGHJKMNPQRSTVWXYZ", 10);
        var total = items.Sum(i => i.Quantity * i.UnitPrice);

        await using var connection = await dataSource.OpenConnectionAsync(http.RequestAborted);
        await using var transaction = await connection.BeginTransactionAsync(http.RequestAborted);
        await using var batch = new NpgsqlBatch(connection, transaction);
        var insertOrder = new NpgsqlBatchCommand("""
            INSERT INTO orders (id, tracking_code, merchant_id, status, customer_name, customer_phone, customer_email,
                delivery_address_line1, delivery_address_line2, delivery_address_city, delivery_address_postal_code,
                delivery_address_country, currency, total, notes, estimated_delivery_at, created_at, updated_at, status_changed_at)
            VALUES ($1, $2, $3, 'Pending', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16, $16)
            RETURNING version
            """);
        insertOrder.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        insertOrder.Parameters.Add(new NpgsqlParameter<string> { TypedValue = trackingCode });
        insertOrder.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = merchantId });
        insertOrder.Parameters.Add(new NpgsqlParameter<string> { TypedValue = customer.Name });
        insertOrder.Parameters.Add(new NpgsqlParameter<string> { TypedValue = customer.Phone });
        insertOrder.Parameters.Add(Text(customer.Email));
        insertOrder.Parameters.Add(new NpgsqlParameter<string> { TypedValue = address.Line1 });
        insertOrder.Parameters.Add(Text(address.Line2));
        insertOrder.Parameters.Add(new NpgsqlParameter<string> { TypedValue = address.City });
        insertOrder.Parameters.Add(new NpgsqlParameter<string> { TypedValue = address.PostalCode });
        insertOrder.Parameters.Add(new NpgsqlParameter<string> { TypedValue = address.Country });
        insertOrder.Parameters.Add(new NpgsqlParameter<string> { TypedValue = request.Currency });
        insertOrder.Parameters.Add(new NpgsqlParameter<decimal> { TypedValue = total });
        insertOrder.Parameters.Add(Text(request.Notes));
        insertOrder.Parameters.Add(new NpgsqlParameter { Value = (object?)request.EstimatedDeliveryAt ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        insertOrder.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
        batch.BatchCommands.Add(insertOrder);

        var insertItems = new NpgsqlBatchCommand(
            "INSERT INTO order_items (order_id, name, quantity, unit_price) SELECT $1, * FROM unnest($2::text[], $3::int[], $4::numeric[])");
        insertItems.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        insertItems.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = items.Select(i => i.Name).ToArray() });
        insertItems.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = items.Select(i => i.Quantity).ToArray() });
        insertItems.Parameters.Add(new NpgsqlParameter<decimal[]> { TypedValue = items.Select(i => i.UnitPrice).ToArray() });
        batch.BatchCommands.Add(insertItems);
        batch.BatchCommands.Add(InsertFirstHistoryEntry(id, null, "Pending", now, actor, "Order created", null));

        int version;
        await using (var reader = await batch.ExecuteReaderAsync(http.RequestAborted))
        {
            await reader.ReadAsync(http.RequestAborted);
            version = reader.GetInt32(0);
        }

        await transaction.CommitAsync(http.RequestAborted);
        http.Response.Headers.Location = $"/api/orders/{id}";
        await WriteAsync(http, StatusCodes.Status201Created, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("id", id);
            writer.WriteString("trackingCode", trackingCode);
            writer.WriteString("merchantId", merchantId);
            writer.WriteString("status", "Pending");
            writer.WritePropertyName("customer");
            JsonSerializer.Serialize(writer, customer, Json);
            writer.WritePropertyName("deliveryAddress");
            JsonSerializer.Serialize(writer, address, Json);
            writer.WritePropertyName("items");
            JsonSerializer.Serialize(writer, items, Json);
            writer.WriteString("currency", request.Currency);
            writer.WriteNumber("total", total);
            writer.WriteString("notes", request.Notes);
            writer.WriteNull("estimatedDeliveryAt");
            writer.WriteNull("assignedCourierId");
            writer.WriteNull("assignedPartnerId");
            writer.WriteString("createdAt", now);
            writer.WriteString("updatedAt", now);
            writer.WriteNumber("version", version);
            writer.WriteStartArray("allowedTransitions");
            writer.WriteStringValue("Confirmed");
            writer.WriteStringValue("Cancelled");
            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    /// <summary>One statement: lock and check the source status, update the order, append the history entry, answer the order.</summary>
    public async Task ChangeStatusAsync(Guid id, HttpContext http)
    {
        var request = await JsonSerializer.DeserializeAsync<ChangeStatusRequest>(http.Request.Body, Json, http.RequestAborted);
        if (request?.Status is not { } target || !Sources.TryGetValue(target, out var sources))
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var merchant = MerchantOf(http.User);
        var actor = ActorOf(http.User);
        var now = DateTimeOffset.UtcNow;
        await using var command = dataSource.CreateCommand($"""
            WITH previous AS (
                SELECT id, status FROM orders WHERE id = $1 {(merchant is null ? string.Empty : "AND merchant_id = $10")} FOR UPDATE),
            o AS (
                UPDATE orders SET status = $2, updated_at = $3, status_changed_at = $3, version = orders.version + 1
                FROM previous WHERE orders.id = previous.id AND previous.status = ANY($4)
                RETURNING orders.*, previous.status AS previous_status),
            history AS (
                INSERT INTO order_history (id, order_id, version, "from", "to", at, actor_type, actor_id, actor_name, note, reason)
                SELECT $5, o.id, o.version, o.previous_status, $2, $3, $6, $7, $8, $9, $11 FROM o)
            SELECT {OrderColumns} FROM o
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = target });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = sources });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = Guid.CreateVersion7(now) });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = actor.Type });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = actor.Id });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = actor.Name });
        command.Parameters.Add(Text(request.Note));
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = merchant ?? Guid.Empty });
        command.Parameters.Add(Text(request.Reason));
        await using var reader = await command.ExecuteReaderAsync(http.RequestAborted);
        if (!await reader.ReadAsync(http.RequestAborted))
        {
            http.Response.StatusCode = StatusCodes.Status409Conflict;
            return;
        }

        await WriteAsync(http, StatusCodes.Status200OK, writer => WriteOrder(writer, reader));
    }

    private static NpgsqlBatchCommand InsertFirstHistoryEntry(Guid orderId, string? from, string to, DateTimeOffset at, Actor actor, string? note, string? reason)
    {
        var command = new NpgsqlBatchCommand("""
            INSERT INTO order_history (id, order_id, version, "from", "to", at, actor_type, actor_id, actor_name, note, reason)
            VALUES ($1, $2, 1, $3, $4, $5, $6, $7, $8, $9, $10)
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = Guid.CreateVersion7(at) });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = orderId });
        command.Parameters.Add(Text(from));
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = to });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = at });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = actor.Type });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = actor.Id });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = actor.Name });
        command.Parameters.Add(Text(note));
        command.Parameters.Add(Text(reason));
        return command;
    }

    private static void WriteOrder(Utf8JsonWriter writer, NpgsqlDataReader reader)
    {
        var status = reader.GetString(3);
        writer.WriteStartObject();
        writer.WriteString("id", reader.GetGuid(0));
        writer.WriteString("trackingCode", reader.GetString(1));
        writer.WriteString("merchantId", reader.GetGuid(2));
        writer.WriteString("status", status);
        writer.WriteStartObject("customer");
        writer.WriteString("name", reader.GetString(4));
        writer.WriteString("phone", reader.GetString(5));
        writer.WriteString("email", reader.IsDBNull(6) ? null : reader.GetString(6));
        writer.WriteEndObject();
        writer.WriteStartObject("deliveryAddress");
        writer.WriteString("line1", reader.GetString(7));
        writer.WriteString("line2", reader.IsDBNull(8) ? null : reader.GetString(8));
        writer.WriteString("city", reader.GetString(9));
        writer.WriteString("postalCode", reader.GetString(10));
        writer.WriteString("country", reader.GetString(11));
        writer.WriteEndObject();
        writer.WritePropertyName("items");
        writer.WriteRawValue(reader.GetString(21), skipInputValidation: true);
        writer.WriteString("currency", reader.GetString(12));
        writer.WriteNumber("total", reader.GetDecimal(13));
        writer.WriteString("notes", reader.IsDBNull(14) ? null : reader.GetString(14));
        WriteNullable(writer, "estimatedDeliveryAt", reader, 15);
        WriteNullableGuid(writer, "assignedCourierId", reader, 16);
        WriteNullableGuid(writer, "assignedPartnerId", reader, 17);
        writer.WriteString("createdAt", reader.GetFieldValue<DateTimeOffset>(18));
        writer.WriteString("updatedAt", reader.GetFieldValue<DateTimeOffset>(19));
        writer.WriteNumber("version", reader.GetInt32(20));
        writer.WriteStartArray("allowedTransitions");
        foreach (var next in Sources.Where(s => s.Value.Contains(status)).Select(s => s.Key))
        {
            writer.WriteStringValue(next);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, NpgsqlDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal))
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, reader.GetFieldValue<DateTimeOffset>(ordinal));
        }
    }

    private static void WriteNullableGuid(Utf8JsonWriter writer, string name, NpgsqlDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal))
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, reader.GetGuid(ordinal));
        }
    }

    private static async Task WriteAsync(HttpContext http, int status, Action<Utf8JsonWriter> write) =>
        await WriteAsync(http, status, writer =>
        {
            write(writer);
            return Task.CompletedTask;
        });

    private static async Task WriteAsync(HttpContext http, int status, Func<Utf8JsonWriter, Task> write)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        await using (var writer = new Utf8JsonWriter(http.Response.BodyWriter))
        {
            await write(writer);
        }

        await http.Response.BodyWriter.FlushAsync(http.RequestAborted);
    }

    private static NpgsqlParameter Text(string? value) => new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };

    private static void AddMerchant(NpgsqlCommand command, Guid? merchant)
    {
        if (merchant is { } m)
        {
            command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = m });
        }
    }

    private static Guid? MerchantOf(ClaimsPrincipal user) =>
        user.FindFirstValue("role") == "Merchant" ? Guid.Parse(user.FindFirstValue("sub")!) : null;

    private static Actor ActorOf(ClaimsPrincipal user) =>
        new(user.FindFirstValue("role") ?? "Admin", Guid.Parse(user.FindFirstValue("sub")!), user.FindFirstValue("name") ?? string.Empty);

    // The product's cursor: creation ticks and id, big-endian, base64url.
    private static (DateTimeOffset At, Guid Id)? DecodeCursor(string value)
    {
        var base64 = value.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        Span<byte> bytes = stackalloc byte[48];
        if (!Convert.TryFromBase64String(base64, bytes, out var written) || written != 24)
        {
            return null;
        }

        return (new DateTimeOffset(BinaryPrimitives.ReadInt64BigEndian(bytes), TimeSpan.Zero), new Guid(bytes.Slice(8, 16), bigEndian: true));
    }

    private static string EncodeCursor(DateTimeOffset at, Guid id)
    {
        Span<byte> bytes = stackalloc byte[24];
        BinaryPrimitives.WriteInt64BigEndian(bytes, at.UtcTicks);
        id.TryWriteBytes(bytes[8..], bigEndian: true, out _);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    private sealed record Actor(string Type, Guid Id, string Name);

    private sealed record CreateOrderRequest(Guid? MerchantId, Customer? Customer, Address? DeliveryAddress, List<Item>? Items, string? Currency, string? Notes, DateTimeOffset? EstimatedDeliveryAt);

    private sealed record Customer(string Name, string Phone, string? Email);

    private sealed record Address(string Line1, string? Line2, string City, string PostalCode, string Country);

    private sealed record Item(string Name, int Quantity, decimal UnitPrice);

    private sealed record ChangeStatusRequest(string? Status, string? Note, string? Reason);
}
