using OrderTracking.Domain.Common;

namespace OrderTracking.Domain.Proofs;

/// <summary>
/// What a merchant asks couriers and partners to capture when they deliver its orders, and whether its customers see
/// the photo on the tracking page. A merchant that never saved one gets <see cref="Default"/>: everything optional,
/// the photo not shown to customers.
/// </summary>
public sealed class ProofOfDeliveryPolicy
{
    public const string PositionCannotBeRequired = "The position can be asked for, not required: a courier's phone may refuse to share it.";

    private ProofOfDeliveryPolicy()
    {
    }

    public Guid MerchantId { get; private set; }
    public ProofRequirement Photo { get; private set; }
    public ProofRequirement Signature { get; private set; }
    public ProofRequirement RecipientName { get; private set; }
    public ProofRequirement Position { get; private set; }

    /// <summary>Whether the tracking page shows the delivery photo to whoever holds the tracking code.</summary>
    public bool ShowPhotoOnTracking { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static ProofOfDeliveryPolicy Default(Guid merchantId) => new() { MerchantId = merchantId };

    public void Change(ProofRequirement photo, ProofRequirement signature, ProofRequirement recipientName, ProofRequirement position, bool showPhotoOnTracking, DateTimeOffset now)
    {
        if (position == ProofRequirement.Required)
        {
            throw new DomainValidationException(nameof(Position), PositionCannotBeRequired);
        }

        Photo = photo;
        Signature = signature;
        RecipientName = recipientName;
        Position = position;
        ShowPhotoOnTracking = showPhotoOnTracking;
        UpdatedAt = now;
    }

    /// <summary>Refuses a delivery that lacks a part this merchant requires (400, keyed by the missing field).</summary>
    public void EnsureSatisfiedBy(bool hasPhoto, bool hasSignature, bool hasRecipientName)
    {
        if (Photo == ProofRequirement.Required && !hasPhoto)
        {
            throw new DomainValidationException(nameof(Photo), "This merchant needs a photo of the delivered parcel.");
        }

        if (Signature == ProofRequirement.Required && !hasSignature)
        {
            throw new DomainValidationException(nameof(Signature), "This merchant needs the recipient's signature.");
        }

        if (RecipientName == ProofRequirement.Required && !hasRecipientName)
        {
            throw new DomainValidationException(nameof(RecipientName), "This merchant needs the name of the person who took the parcel.");
        }
    }
}
