using System.Linq.Expressions;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Orders.Events;

namespace OrderTracking.Domain.Orders;

/// <summary>
/// An order and its lifecycle. Every status change goes through the <see cref="OrderLifecycle"/> table:
/// an illegal move throws <see cref="InvalidTransitionException"/>, a legal move by the wrong actor throws
/// <see cref="OrderActionForbiddenException"/>, and every change appends to the history and raises an event.
/// </summary>
public sealed class Order : AggregateRoot
{
    public const int MaxNotesLength = 2000;
    public const int MaxReasonLength = 500;
    public const int MaxRecipientNameLength = 200;

    /// <summary>How far ahead of the server a device's clock may be when it says when a change happened.</summary>
    public static readonly TimeSpan MaxDeviceClockLead = TimeSpan.FromMinutes(5);

    /// <summary>How long a change made offline may wait on the device before it reaches the server.</summary>
    public static readonly TimeSpan MaxOfflineDelay = TimeSpan.FromDays(7);

    public const string CancelReasonRequired = "A reason is required to cancel an order.";
    public const string OtherFailureNeedsNote = "A note is required when the failure reason is Other.";
    public static readonly string FailureReasonRequired =
        "A failed delivery needs one of these reasons: " + string.Join(", ", Enum.GetNames<DeliveryFailureReason>()) + ".";

    /// <summary>The largest order total: what the item limits allow at most, within what <see cref="Money"/> can store.</summary>
    public const decimal MaxTotal = OrderItem.MaxItemsPerOrder * OrderItem.MaxQuantity * OrderItem.MaxUnitPrice;

    private readonly List<OrderItem> _items = [];
    private readonly List<OrderHistoryEntry> _history = [];

    private Order()
    {
        TrackingCode = string.Empty;
        Currency = string.Empty;
        Customer = null!;
        DeliveryAddress = null!;
    }

    public Guid Id { get; private set; }
    public string TrackingCode { get; private set; }
    public Guid MerchantId { get; private set; }
    public OrderStatus Status { get; private set; }
    public Customer Customer { get; private set; }
    public DeliveryAddress DeliveryAddress { get; private set; }

    /// <summary>Where the courier collects the order; null for orders created before merchants had pickup locations, or by a merchant without any.</summary>
    public OrderPickup? Pickup { get; private set; }
    public IReadOnlyList<OrderItem> Items => _items;
    public string Currency { get; private set; }
    public decimal Total { get; private set; }
    public string? Notes { get; private set; }
    public DateTimeOffset? EstimatedDeliveryAt { get; private set; }
    public Guid? AssignedCourierId { get; private set; }
    public Guid? AssignedPartnerId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>When the order reached <see cref="OrderStatus.Delivered"/>; kept for delivery-time figures.</summary>
    public DateTimeOffset? DeliveredAt { get; private set; }

    /// <summary>When the order entered its current <see cref="Status"/>.</summary>
    public DateTimeOffset StatusChangedAt { get; private set; }

    /// <summary>How long the order spent in each status it has left; kept for time-in-status figures.</summary>
    public TimeInStatus TimeInStatus { get; private set; } = TimeInStatus.None;

    /// <summary>The customer's latest instructions or chosen day after a failed attempt; null until the customer sends one.</summary>
    public CustomerDeliveryRequest? DeliveryRequest { get; private set; }

    /// <summary>
    /// How many steps the order's timeline holds: 1 when it is created, one more with each change (a status change, an
    /// assignment, a claim), so it moves with every change and is known before the change is saved. It is the
    /// optimistic-concurrency token: each step carries the version it made, and no two steps of an order share one, so
    /// of two changes made from the same version only one can be recorded.
    /// </summary>
    public uint Version { get; private set; }

    /// <summary>The timeline, oldest first. Append-only.</summary>
    public IReadOnlyList<OrderHistoryEntry> History => _history;

    public static Order Create(
        Guid merchantId,
        Customer customer,
        DeliveryAddress deliveryAddress,
        IReadOnlyCollection<OrderItem> items,
        string currency,
        string? notes,
        DateTimeOffset? estimatedDeliveryAt,
        Actor createdBy,
        DateTimeOffset now,
        OrderPickup? pickup = null)
    {
        if (items.Count is 0 or > OrderItem.MaxItemsPerOrder)
        {
            throw new DomainValidationException(nameof(Items), $"An order has between 1 and {OrderItem.MaxItemsPerOrder} items.");
        }

        if (!CurrencyCode.IsIso4217(currency))
        {
            throw new DomainValidationException(nameof(Currency), "Currency is a three-letter ISO 4217 code.");
        }

        var total = items.Sum(i => i.LineTotal);
        if (total > MaxTotal)
        {
            throw new DomainValidationException(nameof(Total), $"An order total is at most {MaxTotal}.");
        }

        var order = new Order
        {
            Id = Guid.CreateVersion7(now),
            TrackingCode = Orders.TrackingCode.New(),
            MerchantId = merchantId,
            Status = OrderStatus.Pending,
            Customer = customer,
            DeliveryAddress = deliveryAddress,
            Pickup = pickup,
            Currency = currency,
            Total = total,
            Notes = notes,
            EstimatedDeliveryAt = estimatedDeliveryAt,
            CreatedAt = now,
            UpdatedAt = now,
            StatusChangedAt = now,
        };
        order._items.AddRange(items);
        order.Append(OrderHistoryKind.StatusChange, null, now, createdBy, "Order created", null);
        order.Raise(new OrderCreated(order.Id, merchantId, now) { TrackingCode = order.TrackingCode, EstimatedDeliveryAt = estimatedDeliveryAt });
        return order;
    }

    /// <summary>
    /// The order as it stood right after an event of <paramref name="at"/> that left it in <paramref name="status"/> with
    /// these assignees, for announcing the event after later changes: what the events change (status, assignees,
    /// times) is taken from the event, the rest (customer, address, items) no event changes. A read-only copy; the
    /// concurrency token stays the current one, since the event's own is not known.
    /// </summary>
    public Order AsOf(OrderStatus status, Guid? assignedCourierId, Guid? assignedPartnerId, DateTimeOffset at)
    {
        var copy = (Order)MemberwiseClone();
        copy.Status = status;
        copy.AssignedCourierId = assignedCourierId;
        copy.AssignedPartnerId = assignedPartnerId;
        copy.UpdatedAt = at;
        copy.DeliveredAt = status == OrderStatus.Delivered ? DeliveredAt ?? at : null;
        return copy;
    }

    public bool IsTerminal => OrderLifecycle.IsTerminal(Status);

    /// <summary>The terminal statuses as a list: the database reads it as one array parameter, as it does the status filter.</summary>
    private static readonly IReadOnlyList<OrderStatus> TerminalStatusList = [.. OrderLifecycle.TerminalStatuses];

    /// <summary>Still open although its estimated delivery has passed: the merchant should look at it.</summary>
    public bool IsOverdueAt(DateTimeOffset now) => OverdueCompiled(this, now);

    /// <summary>
    /// <see cref="IsOverdueAt"/> for the database, with <paramref name="now"/> read as a query parameter (it changes with
    /// every request, so a constant would give every request a query plan of its own).
    /// </summary>
    public static Expression<Func<Order, bool>> OverdueAt(DateTimeOffset now) =>
        Expression.Lambda<Func<Order, bool>>(
            Predicates.Substitute(OverdueRule.Body, OverdueRule.Parameters[1], Expression.Property(Expression.Constant(new Instant(now)), nameof(Instant.Value))),
            OverdueRule.Parameters[0]);

    /// <summary>
    /// Still open and nobody in charge of it: no courier and no partner. What a dispatcher has to act on; the pickup
    /// pool (<see cref="InPickupPool"/>) is the part of it that couriers may claim themselves.
    /// </summary>
    public static Expression<Func<Order, bool>> Unassigned { get; } = order =>
        !TerminalStatusList.Contains(order.Status) && order.AssignedCourierId == null && order.AssignedPartnerId == null;

    // One rule for memory and the database: IsOverdueAt runs it compiled, OverdueAt hands it to the query.
    private static readonly Expression<Func<Order, DateTimeOffset, bool>> OverdueRule = (order, now) =>
        !TerminalStatusList.Contains(order.Status) && order.EstimatedDeliveryAt < now;

    private static readonly Func<Order, DateTimeOffset, bool> OverdueCompiled = OverdueRule.Compile();

    /// <summary>Holds an instant so that a query reads it as a parameter, as it would a captured variable.</summary>
    private sealed record Instant(DateTimeOffset Value);

    /// <summary>
    /// The pickup pool: ready for pickup and nobody in charge of it yet. Every courier sees these orders (by area
    /// only) and may claim one. <see cref="InPickupPool"/> is the same rule for the database.
    /// </summary>
    public bool IsInPickupPool => PickupPool.Holds(Status, AssignedCourierId, AssignedPartnerId);

    /// <inheritdoc cref="IsInPickupPool"/>
    public static Expression<Func<Order, bool>> InPickupPool { get; } = PickupPool.Over<Order>(o => o.Status, o => o.AssignedCourierId, o => o.AssignedPartnerId);

    /// <summary>
    /// Taken from the pool by a courier's claim, and not moved or reassigned since: still ready for pickup, and the
    /// latest step of its timeline is a courier's (couriers change nothing else while an order waits for pickup).
    /// </summary>
    public static Expression<Func<Order, bool>> JustClaimed { get; } = order =>
        order.Status == OrderStatus.ReadyForPickup
        && order.AssignedCourierId != null
        && order.History.OrderByDescending(h => h.At).ThenByDescending(h => h.Id).Select(h => h.ActorType).FirstOrDefault() == ActorType.Delivery;

    /// <summary>The parts <paramref name="actor"/> plays towards this order.</summary>
    public OrderParty PartiesOf(Actor actor)
    {
        var parties = OrderParty.None;
        if (actor.Type == ActorType.Admin)
        {
            parties |= OrderParty.Admin;
        }

        if (actor.Type == ActorType.Merchant && actor.Id == MerchantId)
        {
            parties |= OrderParty.OwningMerchant;
        }

        if (actor.Type == ActorType.Delivery && AssignedCourierId == actor.Id)
        {
            parties |= OrderParty.AssignedCourier;
        }

        if (actor.Type == ActorType.Partner && AssignedPartnerId == actor.Id)
        {
            parties |= OrderParty.AssignedPartner;
        }

        return parties;
    }

    /// <summary>
    /// Whether <paramref name="actor"/> may see only the delivery area (city, postal code, country) and not who the
    /// order is for nor the street: a courier looking at a pool order it has not claimed.
    /// </summary>
    public bool ShowsOnlyDeliveryAreaTo(Actor actor) =>
        actor.Type == ActorType.Delivery && (PartiesOf(actor) & OrderParty.AssignedCourier) == 0;

    /// <summary>Not yet collected: a courier or partner still has to go to the pickup address.</summary>
    public bool AwaitsPickup => OrderLifecycle.AssignableStatuses.Contains(Status);

    /// <summary>
    /// Whether <paramref name="actor"/> is shown where to collect the order. Couriers and partners see the pickup
    /// address until the order is picked up, then only the drop-off; the merchant and admins always see it.
    /// </summary>
    public bool ShowsPickupTo(Actor actor) =>
        Pickup is not null && (actor.Type is ActorType.Admin or ActorType.Merchant || AwaitsPickup);

    /// <summary>The statuses <paramref name="actor"/> may move this order to now.</summary>
    public IReadOnlyList<OrderStatus> AllowedTransitionsFor(Actor actor)
    {
        var parties = PartiesOf(actor);
        return OrderLifecycle.Transitions
            .Where(t => t.From == Status && (t.AllowedParties & parties) != 0 && PreconditionHolds(t.To))
            .Select(t => t.To)
            .ToList();
    }

    public void Confirm(Actor actor, DateTimeOffset now, string? note = null) =>
        MoveTo(OrderStatus.Confirmed, actor, now, note, null);

    public void StartPreparing(Actor actor, DateTimeOffset now, string? note = null) =>
        MoveTo(OrderStatus.Preparing, actor, now, note, null);

    public void MarkReadyForPickup(Actor actor, DateTimeOffset now, string? note = null) =>
        MoveTo(OrderStatus.ReadyForPickup, actor, now, note, null);

    public void Cancel(string reason, Actor actor, DateTimeOffset now, string? note = null) =>
        MoveTo(OrderStatus.Cancelled, actor, now, note, RequireReason(reason));

    public void MarkPickedUp(Actor actor, DateTimeOffset now, string? note = null, DateTimeOffset? occurredAt = null) =>
        MoveTo(OrderStatus.PickedUp, actor, now, note, null, occurredAt);

    public void MarkInTransit(Actor actor, DateTimeOffset now, string? note = null, DateTimeOffset? occurredAt = null) =>
        MoveTo(OrderStatus.InTransit, actor, now, note, null, occurredAt);

    public void MarkDelivered(string? recipientName, Actor actor, DateTimeOffset now, string? note = null, DateTimeOffset? occurredAt = null)
    {
        Text.Optional(recipientName, MaxRecipientNameLength, "RecipientName");
        var proof = string.IsNullOrWhiteSpace(recipientName) ? note : $"Received by {recipientName.Trim()}" + (string.IsNullOrWhiteSpace(note) ? string.Empty : $". {note}");
        MoveTo(OrderStatus.Delivered, actor, now, proof, null, occurredAt);
        DeliveredAt = now;
    }

    public void MarkDeliveryFailed(DeliveryFailureReason reason, Actor actor, DateTimeOffset now, string? note = null, DateTimeOffset? occurredAt = null)
    {
        if (reason == DeliveryFailureReason.Other && string.IsNullOrWhiteSpace(note))
        {
            throw new DomainValidationException("Note", OtherFailureNeedsNote);
        }

        MoveTo(OrderStatus.DeliveryFailed, actor, now, note, reason.ToString(), occurredAt);
    }

    public void MarkReturned(Actor actor, DateTimeOffset now, string? note = null, DateTimeOffset? occurredAt = null) =>
        MoveTo(OrderStatus.Returned, actor, now, note, null, occurredAt);

    /// <summary>
    /// Moves the order to <paramref name="target"/> through the intention-revealing method for that status,
    /// for callers that receive the target as data (the status routes).
    /// </summary>
    public void ChangeStatus(OrderStatus target, StatusChangeDetails details, Actor actor, DateTimeOffset now)
    {
        switch (target)
        {
            case OrderStatus.Confirmed: Confirm(actor, now, details.Note); break;
            case OrderStatus.Preparing: StartPreparing(actor, now, details.Note); break;
            case OrderStatus.ReadyForPickup: MarkReadyForPickup(actor, now, details.Note); break;
            case OrderStatus.Cancelled: EnsureLegal(target, actor); Cancel(details.Reason ?? string.Empty, actor, now, details.Note); break;
            case OrderStatus.PickedUp: MarkPickedUp(actor, now, details.Note, details.OccurredAt); break;
            case OrderStatus.InTransit: MarkInTransit(actor, now, details.Note, details.OccurredAt); break;
            case OrderStatus.Delivered: MarkDelivered(details.RecipientName, actor, now, details.Note, details.OccurredAt); break;
            case OrderStatus.DeliveryFailed:
                EnsureLegal(target, actor);
                MarkDeliveryFailed(ParseFailureReason(details.Reason), actor, now, details.Note, details.OccurredAt);
                break;
            case OrderStatus.Returned: MarkReturned(actor, now, details.Note, details.OccurredAt); break;
            default: throw new InvalidTransitionException(Status, target, OrderLifecycle.NextStatuses(Status));
        }
    }

    /// <summary>
    /// The customer, after a failed attempt, leaves instructions or chooses another day among <paramref name="allowedDates"/>
    /// (the merchant's). Only while the attempt has failed and the parcel is not on its way again or returned.
    /// </summary>
    public void RequestDelivery(string? instructions, DateOnly? preferredDate, IReadOnlyCollection<DateOnly> allowedDates, DateTimeOffset now)
    {
        if (Status != OrderStatus.DeliveryFailed)
        {
            throw new DomainRuleException("Instructions and another day can be given only after a failed delivery attempt, until the next one.");
        }

        if (preferredDate is { } date && !allowedDates.Contains(date))
        {
            throw new DomainValidationException("PreferredDate", "Choose one of the days offered for another attempt.");
        }

        DeliveryRequest = new CustomerDeliveryRequest(instructions, preferredDate, now);
        UpdatedAt = now;
        Raise(new DeliveryRequested(Id, now)
        {
            TrackingCode = TrackingCode,
            MerchantId = MerchantId,
            Status = Status,
            AssignedCourierId = AssignedCourierId,
            AssignedPartnerId = AssignedPartnerId,
        });
    }

    /// <summary>Puts a courier in charge of delivering the order, replacing any courier or partner.</summary>
    public void AssignCourier(Guid courierId, string courierName, Actor actor, DateTimeOffset now) =>
        Assign(courierId, null, $"Assigned to courier {courierName}", actor, now);

    /// <summary>Puts a delivery partner in charge of delivering the order, replacing any courier or partner.</summary>
    public void AssignPartner(Guid partnerId, string partnerName, Actor actor, DateTimeOffset now) =>
        Assign(null, partnerId, $"Assigned to partner {partnerName}", actor, now);

    /// <summary>A courier takes an unassigned order that is ready for pickup.</summary>
    public void Claim(Actor courier, DateTimeOffset now)
    {
        if (courier.Type != ActorType.Delivery)
        {
            throw new OrderActionForbiddenException("Only couriers can claim orders.");
        }

        if (!IsInPickupPool)
        {
            throw new DomainRuleException("Only an unassigned order that is ready for pickup can be claimed; this one is not (anymore).");
        }

        SetAssignee(courier.Id, null, now);
        Append(OrderHistoryKind.Claim, Status, now, courier, $"Claimed by courier {courier.DisplayName}", null);
    }

    private void Assign(Guid? courierId, Guid? partnerId, string note, Actor actor, DateTimeOffset now)
    {
        if ((PartiesOf(actor) & (OrderParty.OwningMerchant | OrderParty.Admin)) == 0)
        {
            throw new OrderActionForbiddenException("Only the owning merchant or an admin can assign this order.");
        }

        if (!OrderLifecycle.AssignableStatuses.Contains(Status))
        {
            throw new DomainRuleException($"An order that is {Status} can no longer be assigned; assignment is possible only before pickup.");
        }

        SetAssignee(courierId, partnerId, now);
        Append(OrderHistoryKind.Assignment, Status, now, actor, note, null);
    }

    private void SetAssignee(Guid? courierId, Guid? partnerId, DateTimeOffset now)
    {
        var previousCourier = AssignedCourierId;
        var previousPartner = AssignedPartnerId;
        AssignedCourierId = courierId;
        AssignedPartnerId = partnerId;
        UpdatedAt = now;
        Raise(new OrderAssigned(Id, previousCourier, previousPartner, courierId, partnerId, now) { TrackingCode = TrackingCode, MerchantId = MerchantId, Status = Status });
    }

    private void MoveTo(OrderStatus target, Actor actor, DateTimeOffset now, string? note, string? reason, DateTimeOffset? occurredAt = null)
    {
        EnsureLegal(target, actor);
        if (occurredAt > now + MaxDeviceClockLead)
        {
            throw new DomainValidationException("OccurredAt", "The time of the change is in the future: check the device's clock.");
        }

        if (occurredAt < now - MaxOfflineDelay)
        {
            throw new DomainValidationException("OccurredAt", $"The change was made more than {MaxOfflineDelay.TotalDays:0} days ago; make it again.");
        }

        if (!PreconditionHolds(target))
        {
            throw new DomainRuleException("An order can be picked up only once a courier or a partner is assigned to it.");
        }

        var from = Status;
        TimeInStatus = TimeInStatus.After(from, now - StatusChangedAt);
        Status = target;
        StatusChangedAt = now;
        UpdatedAt = now;
        Append(OrderHistoryKind.StatusChange, from, now, actor, note, reason, occurredAt);
        Raise(new OrderStatusChanged(Id, from, target, now)
        {
            TrackingCode = TrackingCode,
            MerchantId = MerchantId,
            AssignedCourierId = AssignedCourierId,
            AssignedPartnerId = AssignedPartnerId,
            EstimatedDeliveryAt = EstimatedDeliveryAt,
        });
    }

    private void EnsureLegal(OrderStatus target, Actor actor)
    {
        var transition = OrderLifecycle.Find(Status, target)
            ?? throw new InvalidTransitionException(Status, target, OrderLifecycle.NextStatuses(Status));

        if ((transition.AllowedParties & PartiesOf(actor)) == 0)
        {
            throw new OrderActionForbiddenException($"You may not move this order from {Status} to {target}.");
        }
    }

    private bool PreconditionHolds(OrderStatus target) =>
        target != OrderStatus.PickedUp || AssignedCourierId is not null || AssignedPartnerId is not null;

    private void Append(OrderHistoryKind kind, OrderStatus? from, DateTimeOffset now, Actor actor, string? note, string? reason, DateTimeOffset? occurredAt = null)
    {
        Version++;
        _history.Add(new OrderHistoryEntry(Id, Version, kind, from, Status, now, actor, note, reason, occurredAt));
    }

    /// <summary>A failure reason by its exact name: not a number, not another casing, no surrounding spaces.</summary>
    private static DeliveryFailureReason ParseFailureReason(string? reason) =>
        reason is not null && Enum.GetNames<DeliveryFailureReason>().Contains(reason, StringComparer.Ordinal)
            ? Enum.Parse<DeliveryFailureReason>(reason)
            : throw new DomainValidationException("Reason", FailureReasonRequired);

    private static string RequireReason(string reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainValidationException("Reason", CancelReasonRequired);
        }

        return reason.Length > MaxReasonLength
            ? throw new DomainValidationException("Reason", $"A reason is at most {MaxReasonLength} characters.")
            : reason.Trim();
    }
}
