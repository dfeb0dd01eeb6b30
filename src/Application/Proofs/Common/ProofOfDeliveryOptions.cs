namespace OrderTracking.Application.Proofs.Common;

/// <summary>Limits of proofs of delivery: <c>ProofOfDelivery:MaxFileBytes</c> and <c>ProofOfDelivery:RetentionDays</c>.</summary>
public sealed class ProofOfDeliveryOptions
{
    public const string SectionName = "ProofOfDelivery";

    /// <summary>The largest <see cref="MaxFileBytes"/> a deployment may set; the upload routes' body limit is built on it.</summary>
    public const long MaxFileBytesCeiling = 20 * 1024 * 1024;

    /// <summary>A photo and a signature at their largest, plus the form's text fields.</summary>
    public const long MaxUploadBodyBytes = (2 * MaxFileBytesCeiling) + (1024 * 1024);

    /// <summary>The largest photo or signature accepted (5 MB by default).</summary>
    public long MaxFileBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>How long the images and the position are kept after the delivery (90 days by default).</summary>
    public int RetentionDays { get; set; } = 90;
}
