using OrderTracking.Domain.Proofs;

namespace OrderTracking.Application.Proofs.Common;

/// <summary>What the merchant asks for at the door. <c>Off</c>: not asked; <c>Optional</c>: asked; <c>Required</c>: no delivery without it.</summary>
public sealed record ProofRequirementsDto(ProofRequirement Photo, ProofRequirement Signature, ProofRequirement RecipientName, ProofRequirement Position);

/// <summary>A merchant's proof-of-delivery settings.</summary>
/// <param name="Requirements">What couriers and partners capture at the door.</param>
/// <param name="ShowPhotoOnTracking">Whether the customer's tracking page shows the delivery photo.</param>
public sealed record ProofOfDeliverySettingsDto(ProofRequirementsDto Requirements, bool ShowPhotoOnTracking);

/// <summary>The proof of an order's delivery. The images are read from their own routes; null ones were not captured or are past retention.</summary>
public sealed record DeliveryProofDto
{
    public string? RecipientName { get; init; }

    /// <summary>Whether a photo was taken (still true after retention removed it).</summary>
    public required bool PhotoTaken { get; init; }

    /// <summary>Whether the recipient signed (still true after retention removed the image).</summary>
    public required bool RecipientSigned { get; init; }

    /// <summary>Whether the photo can be read now from <c>…/proof-of-delivery/photo</c>.</summary>
    public required bool HasPhoto { get; init; }

    /// <summary>Whether the signature can be read now from <c>…/proof-of-delivery/signature</c>.</summary>
    public required bool HasSignature { get; init; }

    public double? Latitude { get; init; }
    public double? Longitude { get; init; }

    /// <summary>The position's accuracy in metres, as the device reported it.</summary>
    public double? AccuracyMeters { get; init; }

    /// <summary>When it was captured, by the courier's device.</summary>
    public DateTimeOffset? CapturedAt { get; init; }

    /// <summary>When the server received it.</summary>
    public required DateTimeOffset RecordedAt { get; init; }

    /// <summary>When the images and the position were removed after the retention period.</summary>
    public DateTimeOffset? FilesRemovedAt { get; init; }

    public static DeliveryProofDto From(DeliveryProof proof) => new()
    {
        RecipientName = proof.RecipientName,
        PhotoTaken = proof.PhotoTaken,
        RecipientSigned = proof.RecipientSigned,
        HasPhoto = proof.Photo is not null,
        HasSignature = proof.Signature is not null,
        Latitude = proof.Position?.Latitude,
        Longitude = proof.Position?.Longitude,
        AccuracyMeters = proof.Position?.AccuracyMeters,
        CapturedAt = proof.CapturedAt,
        RecordedAt = proof.RecordedAt,
        FilesRemovedAt = proof.FilesRemovedAt,
    };
}

/// <summary>An order's proof of delivery: what its merchant asks for, and what was captured once it is delivered.</summary>
/// <param name="Requirements">What to capture when delivering this order.</param>
/// <param name="Proof">The captured proof; null until the order is delivered with one.</param>
public sealed record ProofOfDeliveryDto(ProofRequirementsDto Requirements, DeliveryProofDto? Proof);

public static class ProofOfDeliveryPolicies
{
    public static ProofRequirementsDto ToRequirements(this ProofOfDeliveryPolicy policy) =>
        new(policy.Photo, policy.Signature, policy.RecipientName, policy.Position);

    public static ProofOfDeliverySettingsDto ToSettings(this ProofOfDeliveryPolicy policy) =>
        new(policy.ToRequirements(), policy.ShowPhotoOnTracking);
}
