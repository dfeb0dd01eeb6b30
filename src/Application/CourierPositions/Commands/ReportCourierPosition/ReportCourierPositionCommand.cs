using FluentValidation;
using Mediator;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Common.Security;
using OrderTracking.Application.Tracking;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Orders;

namespace OrderTracking.Application.CourierPositions.Commands.ReportCourierPosition;

/// <summary>
/// Where the courier is now, from its device: kept (replacing the one before) only while it has an order out for
/// delivery, and sent live to those orders' tracking pages and their merchant's and the admins' order pages. A
/// delivery partner reports for the courier carrying one of its orders, named by <see cref="TrackingCode"/>.
/// </summary>
[Authorize(ActorType.Delivery, ActorType.Partner)]
public sealed record ReportCourierPositionCommand(double? Latitude, double? Longitude, double? Accuracy, DateTimeOffset? RecordedAt, string? TrackingCode = null)
    : ICommand<CourierPositionReceiptDto>;

/// <summary>Which orders the position was shared with: their tracking codes.</summary>
public sealed record CourierPositionReceiptDto(IReadOnlyList<string> SharedWith);

public sealed class ReportCourierPositionCommandValidator : AbstractValidator<ReportCourierPositionCommand>
{
    /// <summary>A position less precise than this cannot tell a customer which street the courier is in.</summary>
    public const double MaxAccuracyMeters = 1000;

    /// <summary>A phone's clock may run a little ahead of the server's; more than this is a position from the future.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    /// <summary>A position older than this says nothing about where the courier is now.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    public ReportCourierPositionCommandValidator(TimeProvider timeProvider)
    {
        RuleFor(c => c.Latitude).NotNull().WithMessage("Send the latitude.")
            .InclusiveBetween(-GeoPoint.MaxLatitude, GeoPoint.MaxLatitude).WithMessage("A latitude lies between -90 and 90 degrees.");
        RuleFor(c => c.Longitude).NotNull().WithMessage("Send the longitude.")
            .InclusiveBetween(-GeoPoint.MaxLongitude, GeoPoint.MaxLongitude).WithMessage("A longitude lies between -180 and 180 degrees.");
        RuleFor(c => c.Accuracy).NotNull().WithMessage("Send the accuracy in metres, as the device reports it.")
            .GreaterThanOrEqualTo(0).WithMessage("The accuracy is a radius in metres, 0 or more.")
            .LessThanOrEqualTo(MaxAccuracyMeters).WithMessage($"This position is too imprecise to show (more than {MaxAccuracyMeters:0} m); wait for a better fix.");
        RuleFor(c => c.RecordedAt).Cascade(CascadeMode.Stop).NotNull().WithMessage("Send when the device took the position.")
            .Must(at => at <= timeProvider.GetUtcNow() + ClockSkew).WithMessage("This position is dated in the future; check the device's clock.")
            .Must(at => at >= timeProvider.GetUtcNow() - MaxAge).WithMessage($"This position is more than {MaxAge.TotalMinutes:0} minutes old; send a current one.");
        RuleFor(c => c.TrackingCode).MaximumLength(TrackingCode.MaxPresentedLength);
    }
}

public sealed class ReportCourierPositionCommandHandler(
    ICurrentActor currentActor,
    ICourierPositions positions,
    ICourierPositionNotifier notifier,
    TrackingDetails trackingDetails) : ICommandHandler<ReportCourierPositionCommand, CourierPositionReceiptDto>
{
    public async ValueTask<CourierPositionReceiptDto> Handle(ReportCourierPositionCommand command, CancellationToken cancellationToken)
    {
        var actor = currentActor.Required();
        var position = new CourierPosition(new GeoPoint(command.Latitude!.Value, command.Longitude!.Value), command.Accuracy!.Value, command.RecordedAt!.Value.ToUniversalTime());
        var report = actor.Type == ActorType.Partner
            ? await positions.ReportForPartnerOrderAsync(actor.Id, (command.TrackingCode ?? string.Empty).Trim().ToUpperInvariant(), position, cancellationToken)
            : await positions.ReportForCourierAsync(actor.Id, position, cancellationToken);

        if (report.Orders.Count == 0)
        {
            throw new DomainRuleException(actor.Type == ActorType.Partner
                ? "No order of yours with this tracking code is out for delivery, so its courier's position is not kept."
                : "You have no order out for delivery, so your position is not kept. Stop sharing it.");
        }

        // Stored and committed (one statement): now tell who may watch. A position older than the one kept tells nothing new.
        if (report.Kept is { } kept)
        {
            var messages = new List<CourierPositionMessage>();
            foreach (var order in report.Orders)
            {
                messages.Add(new CourierPositionMessage(order.OrderId, order.TrackingCode, order.MerchantId, kept, await trackingDetails.ArrivalAsync(order.TrackingCode, cancellationToken)));
            }

            await notifier.CourierMovedAsync(messages, cancellationToken);
        }

        return new CourierPositionReceiptDto(report.Orders.Select(o => o.TrackingCode).ToList());
    }
}
