using FluentValidation.TestHelper;
using OrderTracking.Application.Orders.Commands.ChangeOrderStatus;
using OrderTracking.Application.Orders.Common;
using OrderTracking.Domain.Orders;

namespace OrderTracking.Application.UnitTests;

/// <summary>
/// The validator checks the request's shape; what a status needs with it is the order's rule alone
/// (Domain.UnitTests prove the order refuses these). A rule written here again would fail these tests.
/// </summary>
public sealed class ChangeOrderStatusCommandValidatorTests
{
    private readonly ChangeOrderStatusCommandValidator _validator = new();

    private static ChangeOrderStatusCommand To(OrderStatus status, string? reason = null, string? note = null) =>
        new(OrderKey.ById(Guid.NewGuid()), status, note, reason);

    public static TheoryData<ChangeOrderStatusCommand> LeftToTheOrder() =>
    [
        To(OrderStatus.Cancelled),
        To(OrderStatus.Cancelled, reason: " "),
        To(OrderStatus.DeliveryFailed),
        To(OrderStatus.DeliveryFailed, reason: "Aliens"),
        To(OrderStatus.DeliveryFailed, reason: "1"),
        To(OrderStatus.DeliveryFailed, reason: nameof(DeliveryFailureReason.Other)),
    ];

    [Theory]
    [MemberData(nameof(LeftToTheOrder))]
    public void Invariants_of_a_status_are_left_to_the_order(ChangeOrderStatusCommand command) =>
        _validator.TestValidate(command).ShouldNotHaveAnyValidationErrors();

    [Fact]
    public void The_shape_is_checked_here()
    {
        var result = _validator.TestValidate(new ChangeOrderStatusCommand(
            OrderKey.ById(Guid.NewGuid()), null, new string('n', Order.MaxNotesLength + 1), new string('r', Order.MaxReasonLength + 1),
            new string('p', Order.MaxRecipientNameLength + 1)));

        Assert.Equal(["Note", "Reason", "RecipientName", "Status"], result.Errors.Select(e => e.PropertyName).Distinct().Order());
        Assert.False(_validator.TestValidate(To((OrderStatus)99)).IsValid);
    }
}
