using OrderTracking.Domain.Webhooks;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>
/// The README's C# verification sample (<see cref="WebhookSignatureVerifier"/>) against headers the API's own signer
/// makes: the 5-minute replay window on both sides (a receiver's clock may be behind or ahead), rotation, tampering.
/// </summary>
public sealed class WebhookSignatureVerifierTests
{
    private const string Body = """{"id":"0193b5c2-0000-7000-8000-000000000001","type":"order.created","data":{}}""";
    private const string Secret = "whsec_current-secret";
    private const string PreviousSecret = "whsec_previous-secret";
    private static readonly DateTimeOffset SignedAt = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private static readonly string Header = WebhookSignature.Header([Secret], SignedAt, Body);

    [Theory]
    [InlineData(0, true)]
    [InlineData(299, true)]
    [InlineData(300, true)]
    [InlineData(301, false)]
    [InlineData(-299, true)]
    [InlineData(-300, true)]
    [InlineData(-301, false)]
    [InlineData(86_400, false)]
    public void A_signature_is_accepted_within_5_minutes_either_side_of_its_timestamp(int receivedSecondsLater, bool valid)
    {
        Assert.Equal(TimeSpan.FromMinutes(5), WebhookSignature.ReplayWindow);
        Assert.Equal(valid, WebhookSignatureVerifier.IsValid(Body, Header, Secret, SignedAt.AddSeconds(receivedSecondsLater)));
    }

    [Fact]
    public void During_a_rotation_a_receiver_holding_either_secret_accepts_and_one_holding_neither_refuses()
    {
        var header = WebhookSignature.Header([Secret, PreviousSecret], SignedAt, Body);

        Assert.True(WebhookSignatureVerifier.IsValid(Body, header, Secret, SignedAt));
        Assert.True(WebhookSignatureVerifier.IsValid(Body, header, PreviousSecret, SignedAt));
        Assert.False(WebhookSignatureVerifier.IsValid(Body, header, "whsec_someone-else", SignedAt));
    }

    [Fact]
    public void A_changed_body_a_moved_timestamp_or_a_malformed_header_is_refused()
    {
        var movedTimestamp = Header.Replace($"t={SignedAt.ToUnixTimeSeconds()}", $"t={SignedAt.ToUnixTimeSeconds() + 1}", StringComparison.Ordinal);

        Assert.False(WebhookSignatureVerifier.IsValid(Body.Replace("order.created", "order.assigned", StringComparison.Ordinal), Header, Secret, SignedAt));
        Assert.False(WebhookSignatureVerifier.IsValid(Body, movedTimestamp, Secret, SignedAt));
        Assert.False(WebhookSignatureVerifier.IsValid(Body, $"t={SignedAt.ToUnixTimeSeconds()}", Secret, SignedAt));
        Assert.False(WebhookSignatureVerifier.IsValid(Body, Header[(Header.IndexOf(',', StringComparison.Ordinal) + 1)..], Secret, SignedAt));
        Assert.False(WebhookSignatureVerifier.IsValid(Body, $"t={SignedAt.ToUnixTimeSeconds()},v1=not-hex", Secret, SignedAt));
    }
}
