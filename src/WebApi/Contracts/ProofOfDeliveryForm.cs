using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using OrderTracking.Domain.Orders;

namespace OrderTracking.WebApi.Contracts;

/// <summary>
/// A delivery with its proof, as the courier's device sends it in <c>multipart/form-data</c>; the same fields on
/// every route that delivers with proof. Each part is named as the form sends it.
/// </summary>
public sealed class ProofOfDeliveryForm
{
    /// <summary>Who took the parcel.</summary>
    [FromForm(Name = "recipientName"), MaxLength(Order.MaxRecipientNameLength)]
    public string? RecipientName { get; init; }

    /// <summary>Free text shown in the timeline.</summary>
    [FromForm(Name = "note"), MaxLength(Order.MaxNotesLength)]
    public string? Note { get; init; }

    /// <summary>When it was delivered by the device's clock, if earlier than it is sent (made offline).</summary>
    [FromForm(Name = "occurredAt")]
    public DateTimeOffset? OccurredAt { get; init; }

    /// <summary>The courier's position at the door (WGS 84), with the longitude.</summary>
    [FromForm(Name = "latitude")]
    public double? Latitude { get; init; }

    /// <summary>The courier's position at the door (WGS 84), with the latitude.</summary>
    [FromForm(Name = "longitude")]
    public double? Longitude { get; init; }

    /// <summary>How sure the device was of the position, in metres.</summary>
    [FromForm(Name = "accuracyMeters")]
    public double? AccuracyMeters { get; init; }

    /// <summary>A photo of the parcel at the door (JPEG, PNG or WebP).</summary>
    [FromForm(Name = "photo")]
    public IFormFile? Photo { get; init; }

    /// <summary>The recipient's signature as an image (PNG, JPEG or WebP).</summary>
    [FromForm(Name = "signature")]
    public IFormFile? Signature { get; init; }
}
