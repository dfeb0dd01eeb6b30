using OrderTracking.Domain.Common;
using OrderTracking.Domain.Orders;

namespace OrderTracking.Domain.Proofs;

/// <summary>
/// What was captured at the door when an order was delivered: who took it, a photo, a signature and the position.
/// The images and the position are personal data kept for a limited time (<see cref="RemoveFiles"/>); the name and
/// the facts that there was a photo and a signature stay with the order's history.
/// </summary>
public sealed class DeliveryProof
{
    private DeliveryProof()
    {
    }

    public Guid Id { get; private set; }
    public Guid OrderId { get; private set; }
    public Guid MerchantId { get; private set; }
    public string? RecipientName { get; private set; }
    public ProofFile? Photo { get; private set; }
    public ProofFile? Signature { get; private set; }
    public DeliveryPosition? Position { get; private set; }

    /// <summary>Whether a photo was taken, still true once the file is gone.</summary>
    public bool PhotoTaken { get; private set; }

    /// <summary>Whether the recipient signed, still true once the signature's image is gone.</summary>
    public bool RecipientSigned { get; private set; }

    /// <summary>When the courier captured it, by the device's clock (it may reach the server later).</summary>
    public DateTimeOffset? CapturedAt { get; private set; }

    /// <summary>When the server received it.</summary>
    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>When the retention rule removed the images and the position.</summary>
    public DateTimeOffset? FilesRemovedAt { get; private set; }

    /// <summary>Records the proof of an order that has just been delivered, checked against its merchant's policy.</summary>
    public static DeliveryProof Record(
        Order order,
        ProofOfDeliveryPolicy policy,
        string? recipientName,
        ProofFile? photo,
        ProofFile? signature,
        DeliveryPosition? position,
        DateTimeOffset? capturedAt,
        DateTimeOffset now)
    {
        if (order.Status != OrderStatus.Delivered)
        {
            throw new DomainRuleException("A proof of delivery belongs to a delivered order.");
        }

        var name = Text.Optional(recipientName, Order.MaxRecipientNameLength, nameof(RecipientName));
        policy.EnsureSatisfiedBy(photo is not null, signature is not null, name is not null);
        return new DeliveryProof
        {
            Id = Guid.CreateVersion7(now),
            OrderId = order.Id,
            MerchantId = order.MerchantId,
            RecipientName = name,
            Photo = policy.Photo == ProofRequirement.Off ? null : photo,
            Signature = policy.Signature == ProofRequirement.Off ? null : signature,
            Position = policy.Position == ProofRequirement.Off ? null : position,
            PhotoTaken = photo is not null && policy.Photo != ProofRequirement.Off,
            RecipientSigned = signature is not null && policy.Signature != ProofRequirement.Off,
            CapturedAt = capturedAt,
            RecordedAt = now,
        };
    }

    /// <summary>The stored images this proof still holds.</summary>
    public IEnumerable<ProofFile> Files => new[] { Photo, Signature }.OfType<ProofFile>();

    /// <summary>Forgets the images and the position once they have been kept long enough.</summary>
    public void RemoveFiles(DateTimeOffset now)
    {
        Photo = null;
        Signature = null;
        Position = null;
        FilesRemovedAt = now;
    }
}
