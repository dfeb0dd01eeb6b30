using ImageMagick;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Domain.Proofs;

namespace OrderTracking.Infrastructure.Proofs;

/// <summary>
/// Cleans uploaded images with ImageMagick (Magick.NET): read as the format their first bytes announced (no other
/// decoder is ever tried), turned upright, every profile and comment stripped (EXIF with GPS, XMP, IPTC), written
/// again in the same format. Images past the pixel limits are refused before they are decoded in full.
/// </summary>
public sealed class MagickProofImageSanitizer : IProofImageSanitizer
{
    /// <summary>A phone's largest photo is about 8 000 px wide; anything far beyond is a decompression bomb, not a photo.</summary>
    public const uint MaxSidePixels = 12_000;

    static MagickProofImageSanitizer()
    {
        ResourceLimits.Width = MaxSidePixels;
        ResourceLimits.Height = MaxSidePixels;
    }

    public SanitizedImage? Sanitize(byte[] content, ProofImageFormat format)
    {
        var magickFormat = format switch
        {
            ProofImageFormat.Jpeg => MagickFormat.Jpeg,
            ProofImageFormat.Png => MagickFormat.Png,
            _ => MagickFormat.WebP,
        };
        try
        {
            using var image = new MagickImage(content, new MagickReadSettings { Format = magickFormat });
            image.AutoOrient();
            image.Strip();
            return new SanitizedImage(image.ToByteArray(magickFormat), format.ContentType());
        }
        catch (MagickException)
        {
            return null;
        }
    }
}
