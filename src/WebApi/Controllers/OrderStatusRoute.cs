using Mediator;
using OrderTracking.Application.Orders.Commands.ChangeOrderStatus;
using OrderTracking.Application.Orders.Common;
using OrderTracking.Application.Proofs.Commands.DeliverWithProof;
using OrderTracking.WebApi.Contracts;

namespace OrderTracking.WebApi.Controllers;

/// <summary>
/// The one path of a status change and of a delivery with proof, whichever route names the order (a user by id, a
/// partner by tracking code): the same command from the same request, and the order's new version as the answer's ETag.
/// </summary>
internal static class OrderStatusRoute
{
    public static async Task<OrderDto> ChangeStatusAsync(
        this IMediator mediator, OrderKey order, ChangeOrderStatusRequest request, string? ifMatch, HttpResponse response, CancellationToken cancellationToken) =>
        WithETag(response, await mediator.Send(
            new ChangeOrderStatusCommand(order, request.Status, request.Note, request.Reason, request.RecipientName, ETag.ParseIfMatch(ifMatch), request.OccurredAt),
            cancellationToken));

    /// <summary>A delivery with its proof: the uploads are read here, their size and content are the Application's to check.</summary>
    public static async Task<OrderDto> DeliverWithProofAsync(
        this IMediator mediator, OrderKey order, ProofOfDeliveryForm form, string? ifMatch, HttpResponse response, CancellationToken cancellationToken) =>
        WithETag(response, await mediator.Send(
            new DeliverWithProofCommand(order, form.RecipientName, form.Note, form.OccurredAt,
                await ProofUploads.ReadAsync(form.Photo, cancellationToken), await ProofUploads.ReadAsync(form.Signature, cancellationToken),
                form.Latitude, form.Longitude, form.AccuracyMeters, ETag.ParseIfMatch(ifMatch)),
            cancellationToken));

    private static OrderDto WithETag(HttpResponse response, OrderDto changed)
    {
        response.Headers.ETag = ETag.For(changed.Version);
        return changed;
    }
}
