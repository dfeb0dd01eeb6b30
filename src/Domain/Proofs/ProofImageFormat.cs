namespace OrderTracking.Domain.Proofs;

/// <summary>The image formats a proof of delivery may be sent in, told apart by their first bytes, never by a file name.</summary>
public enum ProofImageFormat
{
    Jpeg,
    Png,
    WebP,
}

public static class ProofImageFormats
{
    public static string ContentType(this ProofImageFormat format) => format switch
    {
        ProofImageFormat.Jpeg => "image/jpeg",
        ProofImageFormat.Png => "image/png",
        _ => "image/webp",
    };

    /// <summary>The format whose signature <paramref name="content"/> starts with, or null for anything else.</summary>
    public static ProofImageFormat? Detect(ReadOnlySpan<byte> content)
    {
        if (content is [0xFF, 0xD8, 0xFF, ..])
        {
            return ProofImageFormat.Jpeg;
        }

        if (content is [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, ..])
        {
            return ProofImageFormat.Png;
        }

        if (content is [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..])
        {
            return ProofImageFormat.WebP;
        }

        return null;
    }
}
