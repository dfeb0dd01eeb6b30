using Mediator;
using OrderTracking.Application.Common.Exceptions;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Domain.Orders;

namespace OrderTracking.Application.Proofs.Queries.GetTrackingPhoto;

/// <summary>
/// The delivery photo for the public tracking page: only when the order's merchant shows it to its customers, and
/// only to whoever holds the unguessable tracking code; 404 otherwise, the same as for an unknown code.
/// </summary>
public sealed record GetTrackingPhotoQuery(string TrackingCode) : IQuery<ProofFileContent>;

public sealed class GetTrackingPhotoQueryHandler(IDeliveryProofRepository proofs, IProofFileStore files) : IQueryHandler<GetTrackingPhotoQuery, ProofFileContent>
{
    public async ValueTask<ProofFileContent> Handle(GetTrackingPhotoQuery query, CancellationToken cancellationToken)
    {
        var code = query.TrackingCode.Trim().ToUpperInvariant();
        var proof = TrackingCode.IsWellFormed(code) ? await proofs.FindPublicAsync(code, cancellationToken) : null;
        return (proof is { ShowPhoto: true, Photo: { } photo } ? await files.GetAsync(photo.Key, cancellationToken) : null)
            ?? throw new NotFoundException("Delivery photo", query.TrackingCode);
    }
}
