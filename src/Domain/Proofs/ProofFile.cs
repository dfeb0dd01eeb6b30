namespace OrderTracking.Domain.Proofs;

/// <summary>A stored image of a proof: where the file store keeps it, its type and size.</summary>
public sealed record ProofFile(string Key, string ContentType, long Bytes);
