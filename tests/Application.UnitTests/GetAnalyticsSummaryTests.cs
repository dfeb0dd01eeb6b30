using FluentValidation.TestHelper;
using Mediator;
using Microsoft.Extensions.Time.Testing;
using Moq;
using OrderTracking.Application.Analytics.Queries.GetAnalyticsSummary;
using OrderTracking.Application.Common.Behaviours;
using OrderTracking.Application.Common.Exceptions;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Domain.Common;

namespace OrderTracking.Application.UnitTests;

public sealed class GetAnalyticsSummaryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private static readonly Actor Merchant = new(ActorType.Merchant, Guid.NewGuid(), "Bakery");
    private static readonly Actor Admin = new(ActorType.Admin, Guid.NewGuid(), "Admin");

    private readonly FakeTimeProvider _clock = new(Now);
    private readonly Mock<IAnalyticsReader> _analytics = new();
    private readonly GetAnalyticsSummaryQueryValidator _validator;

    public GetAnalyticsSummaryTests()
    {
        _validator = new GetAnalyticsSummaryQueryValidator(_clock);
        _analytics.Setup(a => a.SummarizeAsync(It.IsAny<AnalyticsScope>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((AnalyticsScope scope, CancellationToken _) => new AnalyticsSummary
            {
                From = scope.From,
                To = scope.To,
                TimeZone = scope.TimeZone,
                TotalOrders = 0,
                StatusCounts = [],
                OrdersPerDay = [],
                DeliveryTime = new DeliveryTimeFigures { DeliveredOrders = 0 },
                OnTime = new OnTimeFigures { DeliveredWithEstimate = 0, DeliveredOnTime = 0, DeliveredWithoutEstimate = 0 },
                TimeInStatus = [],
                FailureReasons = [],
            });
    }

    private static ICurrentActor As(Actor? actor) => Mock.Of<ICurrentActor>(c => c.Actor == actor);

    private static DateTimeOffset Utc(int year, int month, int day) => new(year, month, day, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void No_parameters_at_all_is_valid() => _validator.TestValidate(new GetAnalyticsSummaryQuery()).ShouldNotHaveAnyValidationErrors();

    [Theory]
    [InlineData("UTC")]
    [InlineData("Europe/Berlin")]
    [InlineData("America/Argentina/Buenos_Aires")]
    [InlineData("Asia/Kolkata")]
    [InlineData("Etc/GMT+5")]
    public void An_iana_time_zone_is_valid(string zone) =>
        _validator.TestValidate(new GetAnalyticsSummaryQuery(TimeZone: zone)).ShouldNotHaveValidationErrorFor(q => q.TimeZone);

    [Theory]
    [InlineData("")]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("W. Europe Standard Time")]
    [InlineData("europe/berlin")]
    [InlineData("../../etc/passwd")]
    [InlineData("/etc/localtime")]
    [InlineData("Europe/Berlin; DROP TABLE orders")]
    public void Anything_else_is_not_a_time_zone(string zone) =>
        _validator.TestValidate(new GetAnalyticsSummaryQuery(TimeZone: zone)).ShouldHaveValidationErrorFor(q => q.TimeZone);

    [Fact]
    public void A_differently_cased_zone_is_refused_even_once_the_zone_is_cached()
    {
        Assert.True(TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Paris", out _));

        _validator.TestValidate(new GetAnalyticsSummaryQuery(TimeZone: "europe/paris")).ShouldHaveValidationErrorFor(q => q.TimeZone);
    }

    [Fact]
    public void From_must_be_before_to()
    {
        _validator.TestValidate(new GetAnalyticsSummaryQuery(Utc(2026, 3, 2), Utc(2026, 3, 1))).ShouldHaveValidationErrorFor(q => q.From);
        _validator.TestValidate(new GetAnalyticsSummaryQuery(Utc(2026, 3, 1), Utc(2026, 3, 1))).ShouldHaveValidationErrorFor(q => q.From);
        _validator.TestValidate(new GetAnalyticsSummaryQuery(Utc(2026, 3, 1), Utc(2026, 3, 1).AddTicks(1))).ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void From_alone_must_be_in_the_past_because_to_defaults_to_now()
    {
        _validator.TestValidate(new GetAnalyticsSummaryQuery(From: Now.AddMinutes(1))).ShouldHaveValidationErrorFor(q => q.From);
        _validator.TestValidate(new GetAnalyticsSummaryQuery(From: Now.AddDays(-400))).ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void The_range_is_at_most_731_days()
    {
        var from = Utc(2024, 1, 1);
        _validator.TestValidate(new GetAnalyticsSummaryQuery(from, from.AddDays(731))).ShouldNotHaveAnyValidationErrors();
        _validator.TestValidate(new GetAnalyticsSummaryQuery(from, from.AddDays(731).AddTicks(1))).ShouldHaveValidationErrorFor(q => q.To);
        _validator.TestValidate(new GetAnalyticsSummaryQuery(From: Now.AddDays(-732))).ShouldHaveValidationErrorFor(q => q.To);
    }

    [Fact]
    public void Instants_before_1970_or_after_9998_are_refused_without_overflowing_the_defaults()
    {
        var result = _validator.TestValidate(new GetAnalyticsSummaryQuery(To: DateTimeOffset.MinValue));

        result.ShouldHaveValidationErrorFor(q => q.To);
        _validator.TestValidate(new GetAnalyticsSummaryQuery(From: DateTimeOffset.MaxValue)).ShouldHaveValidationErrorFor(q => q.From);
    }

    [Fact]
    public async Task A_merchant_is_scoped_to_its_own_orders()
    {
        var handler = new GetAnalyticsSummaryQueryHandler(As(Merchant), _analytics.Object, _clock);

        await handler.Handle(new GetAnalyticsSummaryQuery(Utc(2026, 1, 1), Utc(2026, 2, 1), "Europe/Berlin"), CancellationToken.None);

        _analytics.Verify(a => a.SummarizeAsync(new AnalyticsScope(Utc(2026, 1, 1), Utc(2026, 2, 1), "Europe/Berlin", Merchant.Id), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task An_admin_sees_everyone_over_the_last_30_days_in_utc_by_default()
    {
        var handler = new GetAnalyticsSummaryQueryHandler(As(Admin), _analytics.Object, _clock);

        var summary = await handler.Handle(new GetAnalyticsSummaryQuery(), CancellationToken.None);

        _analytics.Verify(a => a.SummarizeAsync(new AnalyticsScope(Now.AddDays(-30), Now, "UTC", null), It.IsAny<CancellationToken>()), Times.Once);
        Assert.Equal((Now.AddDays(-30), Now, "UTC"), (summary.From, summary.To, summary.TimeZone));
    }

    [Fact]
    public async Task A_range_with_an_offset_reaches_the_reader_in_utc()
    {
        var handler = new GetAnalyticsSummaryQueryHandler(As(Admin), _analytics.Object, _clock);
        var from = new DateTimeOffset(2026, 3, 1, 1, 0, 0, TimeSpan.FromHours(1));

        await handler.Handle(new GetAnalyticsSummaryQuery(from, from.AddDays(1)), CancellationToken.None);

        _analytics.Verify(a => a.SummarizeAsync(
            It.Is<AnalyticsScope>(s => s.From == Utc(2026, 3, 1) && s.From.Offset == TimeSpan.Zero && s.To.Offset == TimeSpan.Zero),
            It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_delivery_partner_is_scoped_to_the_orders_assigned_to_it()
    {
        var partner = new Actor(ActorType.Partner, Guid.NewGuid(), "Swift Parcels");
        var handler = new GetAnalyticsSummaryQueryHandler(As(partner), _analytics.Object, _clock);

        await handler.Handle(new GetAnalyticsSummaryQuery(Utc(2026, 1, 1), Utc(2026, 2, 1)), CancellationToken.None);

        _analytics.Verify(a => a.SummarizeAsync(new AnalyticsScope(Utc(2026, 1, 1), Utc(2026, 2, 1), "UTC", null, partner.Id), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Couriers_are_refused_before_the_handler_runs()
    {
        var behaviour = new AuthorizationBehaviour<GetAnalyticsSummaryQuery, AnalyticsSummary>(As(new Actor(ActorType.Delivery, Guid.NewGuid(), "Someone")));

        await Assert.ThrowsAsync<ForbiddenAccessException>(() => behaviour.Handle(
            new GetAnalyticsSummaryQuery(), (_, _) => throw new InvalidOperationException("The handler must not run."), CancellationToken.None).AsTask());
        _analytics.VerifyNoOtherCalls();
    }
}
