using OrderTracking.Domain.Common;
using OrderTracking.Domain.Webhooks;

namespace OrderTracking.Domain.UnitTests.Webhooks;

public sealed class WebhookRetryScheduleTests
{
    private static readonly DateTimeOffset Now = OrderFactory.Now;
    private static readonly WebhookRetrySchedule Schedule = WebhookRetrySchedule.Default;
    private static readonly DateTimeOffset FarAway = Now.AddYears(1);

    /// <summary>A jitter of 0.5 multiplies the backoff by exactly 1, so the plain exponential curve shows.</summary>
    private const double NoJitter = 0.5;

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(10, 15_360)]
    [InlineData(11, 21_600)]
    [InlineData(40, 21_600)]
    [InlineData(int.MaxValue, 21_600)]
    public void The_wait_starts_at_30_seconds_doubles_with_each_failed_attempt_and_stops_growing_at_6_hours(int attempt, int expectedSeconds)
    {
        Assert.Equal(Now.AddSeconds(expectedSeconds), Schedule.NextAttemptAt(attempt, Now, FarAway, NoJitter));
    }

    [Theory]
    [InlineData(1, 30)]
    [InlineData(5, 480)]
    [InlineData(20, 21_600)]
    public void Jitter_spreads_each_wait_between_half_and_one_and_a_half_times_the_backoff(int attempt, int backoffSeconds)
    {
        var backoff = TimeSpan.FromSeconds(backoffSeconds);

        Assert.Equal(Now + (backoff / 2), Schedule.NextAttemptAt(attempt, Now, FarAway, jitter: 0));
        var latest = Schedule.NextAttemptAt(attempt, Now, FarAway, jitter: Math.BitDecrement(1.0))!.Value;
        Assert.True(latest <= Now + (backoff * 1.5) && latest > Now + (backoff * 1.49), $"{latest - Now} for a backoff of {backoff}");
        var random = new Random(14);
        Assert.All(
            Enumerable.Range(0, 1000).Select(_ => Schedule.NextAttemptAt(attempt, Now, FarAway, random.NextDouble())!.Value - Now),
            wait => Assert.InRange(wait, backoff / 2, backoff * 1.5));
    }

    [Fact]
    public void Without_jitter_a_receiver_that_never_answers_gets_21_attempts_over_the_3_days_the_last_within_6_hours_of_the_end()
    {
        var (attempts, last) = TryUntilGivenUp(Now + Schedule.Window, _ => NoJitter);

        Assert.Equal(TimeSpan.FromDays(3), Schedule.Window);
        Assert.Equal(21, attempts);
        Assert.InRange(last, Now + Schedule.Window - Schedule.MaxDelay, Now + Schedule.Window);
    }

    [Fact]
    public void Whatever_the_jitter_the_tries_stop_inside_the_3_day_window_and_not_long_before_its_end()
    {
        var random = new Random(2026);
        for (var run = 0; run < 200; run++)
        {
            var (attempts, last) = TryUntilGivenUp(Now + Schedule.Window, _ => random.NextDouble());

            Assert.InRange(attempts, 15, 30);
            Assert.InRange(last, Now + Schedule.Window - (Schedule.MaxDelay * 1.5), Now + Schedule.Window);
        }
    }

    [Fact]
    public void A_failed_attempt_schedules_the_next_one_and_once_the_next_would_fall_after_the_window_the_delivery_is_failed_for_good()
    {
        var delivery = WebhookDelivery.PlanTest(Guid.NewGuid(), Guid.NewGuid(), "{}", Schedule.Window, Now);
        Assert.Equal((WebhookDeliveryStatus.Pending, Now, Now + TimeSpan.FromDays(3)), (delivery.Status, delivery.NextAttemptAt, delivery.RetryUntil));

        delivery.AttemptFailed(500, "The receiver answered 500.", TimeSpan.FromMilliseconds(12), Schedule, NoJitter, Now.AddSeconds(1));
        Assert.Equal((WebhookDeliveryStatus.Pending, Now.AddSeconds(31)), (delivery.Status, delivery.NextAttemptAt));
        Assert.Equal((500, 12, "The receiver answered 500."), (delivery.LastStatusCode, delivery.LastDurationMs, delivery.LastError));

        var nearTheEnd = delivery.RetryUntil - TimeSpan.FromSeconds(10);
        delivery.AttemptFailed(null, new string('x', 600), TimeSpan.FromSeconds(10), Schedule, NoJitter, nearTheEnd);

        Assert.Equal(WebhookDeliveryStatus.Failed, delivery.Status);
        Assert.Equal((nearTheEnd, (int?)null), (delivery.LastAttemptAt, delivery.LastStatusCode));
        Assert.Equal(WebhookDelivery.MaxErrorLength, delivery.LastError!.Length);
        Assert.Null(delivery.DeliveredAt);
    }

    [Fact]
    public void A_resend_sends_a_finished_delivery_again_within_its_first_window_and_after_it_tries_once()
    {
        var delivery = WebhookDelivery.PlanTest(Guid.NewGuid(), Guid.NewGuid(), "{}", Schedule.Window, Now);
        Assert.Throws<DomainRuleException>(() => delivery.Resend(Now));
        delivery.AttemptFailed(503, "The receiver answered 503.", TimeSpan.Zero, Schedule, NoJitter, delivery.RetryUntil);
        Assert.Equal(WebhookDeliveryStatus.Failed, delivery.Status);
        var window = delivery.RetryUntil;

        var later = Now.AddDays(5);
        delivery.Resend(later);

        Assert.Equal((WebhookDeliveryStatus.Pending, later, window), (delivery.Status, delivery.NextAttemptAt, delivery.RetryUntil));
        delivery.AttemptFailed(503, "The receiver answered 503.", TimeSpan.Zero, Schedule, NoJitter, later.AddSeconds(1));
        Assert.Equal(WebhookDeliveryStatus.Failed, delivery.Status);
    }

    /// <summary>Fails every attempt from the first, at <see cref="Now"/>; returns how many were made and when the last one was.</summary>
    private static (int Attempts, DateTimeOffset Last) TryUntilGivenUp(DateTimeOffset retryUntil, Func<int, double> jitter)
    {
        var (attempt, at) = (1, Now);
        while (Schedule.NextAttemptAt(attempt, at, retryUntil, jitter(attempt)) is { } next)
        {
            (attempt, at) = (attempt + 1, next);
        }

        return (attempt, at);
    }
}
