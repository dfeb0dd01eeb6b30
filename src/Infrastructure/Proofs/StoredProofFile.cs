namespace OrderTracking.Infrastructure.Proofs;

/// <summary>An image of a proof of delivery kept in PostgreSQL (the default store, shared by every instance).</summary>
public sealed class StoredProofFile
{
    public const int MaxKeyLength = 200;

    public required string Key { get; init; }
    public required byte[] Content { get; init; }
    public required string ContentType { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
}
