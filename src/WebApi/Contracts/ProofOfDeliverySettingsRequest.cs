using OrderTracking.Domain.Proofs;

namespace OrderTracking.WebApi.Contracts;

/// <summary>What couriers and partners capture when they deliver the merchant's orders.</summary>
/// <param name="Photo">A photo of the parcel at the door: Off, Optional or Required.</param>
/// <param name="Signature">The recipient's signature, drawn on the courier's screen: Off, Optional or Required.</param>
/// <param name="RecipientName">Who took the parcel: Off, Optional or Required.</param>
/// <param name="Position">The courier's position at the door, if its phone shares it: Off or Optional.</param>
/// <param name="ShowPhotoOnTracking">Show the delivery photo on the customer's tracking page.</param>
public sealed record ProofOfDeliverySettingsRequest(ProofRequirement? Photo, ProofRequirement? Signature, ProofRequirement? RecipientName, ProofRequirement? Position, bool ShowPhotoOnTracking = false);
