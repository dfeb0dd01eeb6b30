using Mediator;
using OrderTracking.Application.Orders.Commands.ChangeOrderStatus;
using OrderTracking.Application.Orders.Common;
using OrderTracking.WebApi.Contracts;

namespace OrderTracking.WebApi.Controllers;

/// <summary>
/// The one path of a status change, whichever route names the order (a user by id, a partner by tracking code):
/// the same command from the same request, and the order's new version as the answer's ETag.
/// </summary>
internal static class OrderStatusRoute
{
    public static async Task<OrderDto> ChangeStatusAsync(
        this IMediator mediator, OrderKey order, ChangeOrderStatusRequest request, string? ifMatch, HttpResponse response, CancellationToken cancellationToken)
    {
        var changed = await mediator.Send(
            new ChangeOrderStatusCommand(order, request.Status, request.Note, request.Reason, request.RecipientName, ETag.ParseIfMatch(ifMatch), request.OccurredAt),
            cancellationToken);
        response.Headers.ETag = ETag.For(changed.Version);
        return changed;
    }
}
