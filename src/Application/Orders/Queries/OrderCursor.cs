using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;

namespace OrderTracking.Application.Orders.Queries;

/// <summary>
/// Where the next page of the order list starts: the creation time and id of the last order seen.
/// Clients get it as an opaque base64url string and send it back unchanged.
/// </summary>
public sealed record OrderCursor(DateTimeOffset CreatedAt, Guid Id)
{
    private const int ByteLength = sizeof(long) + 16;

    /// <summary>The length of every cursor this API hands out: base64url of <see cref="ByteLength"/> bytes, unpadded.</summary>
    public const int MaxLength = (ByteLength + 2) / 3 * 4;

    public string Encode()
    {
        Span<byte> bytes = stackalloc byte[ByteLength];
        BinaryPrimitives.WriteInt64BigEndian(bytes, CreatedAt.UtcTicks);
        Id.TryWriteBytes(bytes[sizeof(long)..], bigEndian: true, out _);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public static bool TryDecode(string? value, [NotNullWhen(true)] out OrderCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(value) || value.Length > 64)
        {
            return false;
        }

        var base64 = value.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        Span<byte> bytes = stackalloc byte[48];
        if (!Convert.TryFromBase64String(base64, bytes, out var written) || written != ByteLength)
        {
            return false;
        }

        var ticks = BinaryPrimitives.ReadInt64BigEndian(bytes);
        if (ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            return false;
        }

        cursor = new OrderCursor(new DateTimeOffset(ticks, TimeSpan.Zero), new Guid(bytes.Slice(sizeof(long), 16), bigEndian: true));
        return true;
    }
}
