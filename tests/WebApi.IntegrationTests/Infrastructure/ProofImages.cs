using System.Net.Http.Headers;
using ImageMagick;
using ImageMagick.Drawing;

namespace OrderTracking.WebApi.IntegrationTests.Infrastructure;

/// <summary>Images as phones send them, made with the same library the API cleans them with.</summary>
public static class ProofImages
{
    /// <summary>A small JPEG photo whose EXIF holds a GPS position (51°30′N), as a phone camera writes it.</summary>
    public static byte[] JpegWithGps(MagickColor? colour = null)
    {
        using var image = new MagickImage(colour ?? MagickColors.SteelBlue, 64, 48) { Format = MagickFormat.Jpeg };
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.GPSLatitudeRef, "N");
        exif.SetValue(ExifTag.GPSLatitude, [new Rational(51, 1), new Rational(30, 1), new Rational(0, 1)]);
        exif.SetValue(ExifTag.GPSLongitudeRef, "W");
        exif.SetValue(ExifTag.GPSLongitude, [new Rational(0, 1), new Rational(7, 1), new Rational(0, 1)]);
        exif.SetValue(ExifTag.Make, "PhoneMaker");
        image.SetProfile(exif);
        return image.ToByteArray();
    }

    /// <summary>A signature drawn on a transparent canvas, as signature_pad exports it.</summary>
    public static byte[] SignaturePng()
    {
        using var image = new MagickImage(MagickColors.Transparent, 120, 40) { Format = MagickFormat.Png };
        new Drawables().StrokeColor(MagickColors.Black).StrokeWidth(2).Line(5, 30, 115, 10).Draw(image);
        return image.ToByteArray();
    }

    /// <summary>Whether the image still carries an EXIF GPS tag.</summary>
    public static bool HasGps(byte[] content)
    {
        using var image = new MagickImage(content);
        return image.GetExifProfile()?.GetValue(ExifTag.GPSLatitude) is not null;
    }

    /// <summary>The multipart form of a delivery with proof; a new boundary each time, as a browser sends it.</summary>
    public static MultipartFormDataContent Form(
        string? recipientName = null, byte[]? photo = null, byte[]? signature = null, double? latitude = null, double? longitude = null,
        DateTimeOffset? occurredAt = null, string photoContentType = "image/jpeg", string photoFileName = "photo.jpg")
    {
        var form = new MultipartFormDataContent();
        if (recipientName is not null)
        {
            form.Add(new StringContent(recipientName), "recipientName");
        }

        if (occurredAt is { } at)
        {
            form.Add(new StringContent(at.ToString("O")), "occurredAt");
        }

        if (latitude is { } lat && longitude is { } lon)
        {
            form.Add(new StringContent(lat.ToString(System.Globalization.CultureInfo.InvariantCulture)), "latitude");
            form.Add(new StringContent(lon.ToString(System.Globalization.CultureInfo.InvariantCulture)), "longitude");
            form.Add(new StringContent("12.5"), "accuracyMeters");
        }

        if (photo is not null)
        {
            var part = new ByteArrayContent(photo);
            part.Headers.ContentType = new MediaTypeHeaderValue(photoContentType);
            form.Add(part, "photo", photoFileName);
        }

        if (signature is not null)
        {
            var part = new ByteArrayContent(signature);
            part.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            form.Add(part, "signature", "signature.png");
        }

        return form;
    }
}
