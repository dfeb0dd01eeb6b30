using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Options;
using OrderTracking.Application.Common.Exceptions;
using OrderTracking.Application.Common.Interfaces;

namespace OrderTracking.Infrastructure.Proofs;

/// <summary>
/// Proof images in an S3-compatible bucket, for deployments that would rather not keep images in the database. A file
/// is uploaded before the delivery's transaction commits; should the commit then fail, the object stays unreferenced
/// until a bucket lifecycle rule of the retention period removes it (README, Configuration).
/// </summary>
public sealed class S3ProofFileStore(IAmazonS3 s3, IOptions<ProofStorageOptions> options) : IProofFileStore
{
    private string Bucket => options.Value.S3.Bucket;

    public async Task PutAsync(string key, byte[] content, string contentType, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream(content, writable: false);
        await Guarded(() => s3.PutObjectAsync(
            new PutObjectRequest { BucketName = Bucket, Key = key, InputStream = body, ContentType = contentType, UseChunkEncoding = false, AutoCloseStream = false },
            cancellationToken));
    }

    public async Task<ProofFileContent?> GetAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await Guarded(() => s3.GetObjectAsync(Bucket, key, cancellationToken));
            using var content = new MemoryStream();
            await response.ResponseStream.CopyToAsync(content, cancellationToken);
            return new ProofFileContent(content.ToArray(), response.Headers.ContentType ?? "application/octet-stream");
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        foreach (var key in keys)
        {
            await Guarded(() => s3.DeleteObjectAsync(Bucket, key, cancellationToken));
        }
    }

    /// <summary>An unreachable or failing storage service is a 503 the client may retry, never a 500.</summary>
    private static async Task<T> Guarded<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            throw;
        }
        catch (Exception ex) when (ex is AmazonServiceException or HttpRequestException or AmazonClientException)
        {
            throw new DependencyUnavailableException("The file storage cannot be reached right now.", ex);
        }
    }
}
