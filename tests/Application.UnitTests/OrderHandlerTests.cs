using System.Linq.Expressions;
using FluentValidation;
using Moq;
using OrderTracking.Application.Common.Exceptions;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Orders.Commands.ChangeOrderStatus;
using OrderTracking.Application.Orders.Commands.ClaimOrder;
using OrderTracking.Application.Orders.Commands.CreateOrder;
using OrderTracking.Application.Orders.Common;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Orders;
using OrderTracking.Domain.Users;

namespace OrderTracking.Application.UnitTests;

public sealed class OrderHandlerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private static readonly Actor Merchant = new(ActorType.Merchant, Guid.NewGuid(), "Bakery");
    private static readonly Actor Admin = new(ActorType.Admin, Guid.NewGuid(), "Admin");
    private static readonly Actor Courier = new(ActorType.Delivery, Guid.NewGuid(), "Carl");

    private readonly Mock<IOrderRepository> _orders = new();
    private readonly Mock<IUserRepository> _users = new();
    private readonly Mock<IMerchantProfileRepository> _profiles = new();
    private readonly Mock<IUnitOfWork> _unitOfWork = new();
    private readonly Mock<IDeliveryProofRepository> _proofs = new();
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _clock = new(Now);

    private static ICurrentActor As(Actor actor) => Mock.Of<ICurrentActor>(c => c.Actor == actor);

    private static CreateOrderCommand NewOrder(Guid? merchantId = null) => new()
    {
        MerchantId = merchantId,
        Customer = new CustomerDto("Jane", "+44 7700 900123", null),
        DeliveryAddress = new DeliveryAddressDto("1 High St", null, "London", "SW1A 1AA", "UK"),
        Items = [new OrderItemDto("Bread", 2, 2.25m)],
        Currency = "GBP",
    };

    private static Order ExistingOrder() => Order.Create(
        Merchant.Id, new Customer("Jane", "+44 7700 900123", null), new DeliveryAddress("1", null, "C", "P", "X"),
        [new OrderItem("Bread", 1, 1m)], "GBP", null, null, Merchant, Now.AddHours(-1));

    [Fact]
    public async Task A_merchant_creates_an_order_for_itself_and_it_is_saved_once()
    {
        var handler = new CreateOrderCommandHandler(As(Merchant), _orders.Object, _users.Object, _profiles.Object, _unitOfWork.Object, _clock);

        var dto = await handler.Handle(NewOrder(), CancellationToken.None);

        Assert.Equal((Merchant.Id, OrderStatus.Pending, 4.50m, Now), (dto.MerchantId, dto.Status, dto.Total, dto.CreatedAt));
        Assert.Equal([OrderStatus.Confirmed, OrderStatus.Cancelled], dto.AllowedTransitions);
        _orders.Verify(o => o.Add(It.Is<Order>(order => order.Id == dto.Id)), Times.Once);
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_merchant_cannot_create_for_another_merchant()
    {
        var handler = new CreateOrderCommandHandler(As(Merchant), _orders.Object, _users.Object, _profiles.Object, _unitOfWork.Object, _clock);

        await Assert.ThrowsAsync<ForbiddenAccessException>(() => handler.Handle(NewOrder(Guid.NewGuid()), CancellationToken.None).AsTask());
        _orders.Verify(o => o.Add(It.IsAny<Order>()), Times.Never);
    }

    [Fact]
    public async Task An_admin_must_name_an_active_merchant()
    {
        var inactive = User.Create("m@example.com", "M", UserRole.Merchant, "hash", Now);
        inactive.Deactivate(Now);
        _users.Setup(u => u.FindByIdAsync(inactive.Id, It.IsAny<CancellationToken>())).ReturnsAsync(inactive);
        var handler = new CreateOrderCommandHandler(As(Admin), _orders.Object, _users.Object, _profiles.Object, _unitOfWork.Object, _clock);

        var missing = await Assert.ThrowsAsync<ValidationException>(() => handler.Handle(NewOrder(), CancellationToken.None).AsTask());
        var notActive = await Assert.ThrowsAsync<ValidationException>(() => handler.Handle(NewOrder(inactive.Id), CancellationToken.None).AsTask());

        Assert.Equal("MerchantId", Assert.Single(missing.Errors).PropertyName);
        Assert.Equal("MerchantId", Assert.Single(notActive.Errors).PropertyName);
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Changing_the_status_of_an_order_the_caller_cannot_see_is_not_found()
    {
        var handler = new ChangeOrderStatusCommandHandler(As(Merchant), _orders.Object, _proofs.Object, _unitOfWork.Object, _clock);

        await Assert.ThrowsAsync<NotFoundException>(() => handler.Handle(new ChangeOrderStatusCommand(OrderKey.ById(Guid.NewGuid()), OrderStatus.Confirmed), CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task A_stale_expected_version_is_a_precondition_failure_and_nothing_is_saved()
    {
        var order = ExistingOrder();
        _orders.Setup(o => o.FindForUpdateAsync(OrderKey.ById(order.Id), It.IsAny<Expression<Func<Order, bool>>>(), It.IsAny<CancellationToken>())).ReturnsAsync(order);
        var handler = new ChangeOrderStatusCommandHandler(As(Merchant), _orders.Object, _proofs.Object, _unitOfWork.Object, _clock);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            handler.Handle(new ChangeOrderStatusCommand(OrderKey.ById(order.Id), OrderStatus.Confirmed, ExpectedVersion: 42), CancellationToken.None).AsTask());

        Assert.Contains("since version 42", conflict.Message);
        Assert.Equal(OrderStatus.Pending, order.Status);
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task A_legal_change_is_made_at_the_clocks_time_and_saved()
    {
        var order = ExistingOrder();
        _orders.Setup(o => o.FindForUpdateAsync(OrderKey.ById(order.Id), It.IsAny<Expression<Func<Order, bool>>>(), It.IsAny<CancellationToken>())).ReturnsAsync(order);
        var handler = new ChangeOrderStatusCommandHandler(As(Merchant), _orders.Object, _proofs.Object, _unitOfWork.Object, _clock);

        var dto = await handler.Handle(new ChangeOrderStatusCommand(OrderKey.ById(order.Id), OrderStatus.Confirmed, Note: "ok"), CancellationToken.None);

        Assert.Equal(OrderStatus.Confirmed, dto.Status);
        Assert.Equal(Now, order.History[^1].At);
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_race_lost_at_the_save_is_the_unit_of_works_conflict_passed_on_as_it_is()
    {
        var order = ExistingOrder();
        var lost = new ConcurrencyConflictException("Someone else changed the order at the same moment; it is now Confirmed.");
        _orders.Setup(o => o.FindForUpdateAsync(OrderKey.ById(order.Id), It.IsAny<Expression<Func<Order, bool>>>(), It.IsAny<CancellationToken>())).ReturnsAsync(order);
        _unitOfWork.Setup(u => u.SaveChangesAsync(It.IsAny<CancellationToken>())).ThrowsAsync(lost);
        var handler = new ChangeOrderStatusCommandHandler(As(Merchant), _orders.Object, _proofs.Object, _unitOfWork.Object, _clock);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            handler.Handle(new ChangeOrderStatusCommand(OrderKey.ById(order.Id), OrderStatus.Cancelled, Reason: "x"), CancellationToken.None).AsTask());

        Assert.Same(lost, conflict);
    }

    [Fact]
    public async Task Claim_looks_in_the_pickup_pool_and_passes_a_lost_race_on()
    {
        var order = ExistingOrder();
        order.Confirm(Merchant, Now);
        order.StartPreparing(Merchant, Now);
        order.MarkReadyForPickup(Merchant, Now);
        Expression<Func<Order, bool>>? scope = null;
        _orders.Setup(o => o.FindForUpdateAsync(OrderKey.ById(order.Id), It.IsAny<Expression<Func<Order, bool>>>(), It.IsAny<CancellationToken>()))
            .Callback<OrderKey, Expression<Func<Order, bool>>, CancellationToken>((_, s, _) => scope = s)
            .ReturnsAsync(order);
        var lost = new ConcurrencyConflictException("lost");
        _unitOfWork.Setup(u => u.SaveChangesAsync(It.IsAny<CancellationToken>())).ThrowsAsync(lost);
        var handler = new ClaimOrderCommandHandler(As(Courier), _orders.Object, _unitOfWork.Object, _clock);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => handler.Handle(new ClaimOrderCommand(order.Id), CancellationToken.None).AsTask());

        Assert.Same(lost, conflict);
        Assert.Equal(OrderVisibility.ForClaim(Courier).ToString(), scope!.ToString());
    }
}
