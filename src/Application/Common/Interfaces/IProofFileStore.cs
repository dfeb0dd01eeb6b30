namespace OrderTracking.Application.Common.Interfaces;

/// <summary>
/// Where the images of proofs of delivery are kept: the database by default, S3-compatible object storage when
/// configured. Keys are unguessable and never shown to clients; files leave only through authorized routes.
/// </summary>
public interface IProofFileStore
{
    /// <summary>Stores a file under <paramref name="key"/>; it is readable once the request's unit of work has committed.</summary>
    Task PutAsync(string key, byte[] content, string contentType, CancellationToken cancellationToken);

    /// <summary>The file, or null when there is none under <paramref name="key"/>.</summary>
    Task<ProofFileContent?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>Deletes the files; keys with no file are ignored.</summary>
    Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken);
}

public sealed record ProofFileContent(byte[] Content, string ContentType);
