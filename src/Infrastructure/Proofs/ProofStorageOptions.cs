namespace OrderTracking.Infrastructure.Proofs;

/// <summary>Where proof-of-delivery images are kept: <c>ProofStorage:Provider</c> <c>Database</c> (default) or <c>S3</c>.</summary>
public sealed class ProofStorageOptions
{
    public const string SectionName = "ProofStorage";

    public ProofStorageProvider Provider { get; set; } = ProofStorageProvider.Database;

    public S3ProofStorageOptions S3 { get; set; } = new();
}

public enum ProofStorageProvider
{
    Database,
    S3,
}

/// <summary>An S3-compatible bucket (AWS S3, MinIO, Ceph...). Credentials come from here or from the AWS SDK's usual sources.</summary>
public sealed class S3ProofStorageOptions
{
    /// <summary>The endpoint of an S3-compatible service (e.g. <c>http://minio:9000</c>); empty for AWS S3 in <see cref="Region"/>.</summary>
    public string? ServiceUrl { get; set; }

    public string Region { get; set; } = "us-east-1";

    public string Bucket { get; set; } = string.Empty;

    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }

    /// <summary>Bucket in the path rather than the host name; what MinIO and most self-hosted services need.</summary>
    public bool ForcePathStyle { get; set; } = true;
}
