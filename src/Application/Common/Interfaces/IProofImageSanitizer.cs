using OrderTracking.Domain.Proofs;

namespace OrderTracking.Application.Common.Interfaces;

/// <summary>
/// Re-encodes an uploaded image without its metadata (EXIF with its GPS position, XMP, IPTC, comments), turned
/// upright as its EXIF orientation said, so nothing the camera recorded beyond the picture is kept or served.
/// </summary>
public interface IProofImageSanitizer
{
    /// <summary>The clean image in the same format, or null when the content is not a readable image of that format.</summary>
    SanitizedImage? Sanitize(byte[] content, ProofImageFormat format);
}

public sealed record SanitizedImage(byte[] Content, string ContentType);
