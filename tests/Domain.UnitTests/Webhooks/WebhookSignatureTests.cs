using System.Security.Cryptography;
using System.Text;
using OrderTracking.Domain.Webhooks;

namespace OrderTracking.Domain.UnitTests.Webhooks;

public sealed class WebhookSignatureTests
{
    private const string Body = """{"id":"0193b5c2-0000-7000-8000-000000000001","type":"order.created"}""";
    private const string FirstSecret = "whsec_test-secret-one";
    private const string SecondSecret = "whsec_test-secret-two";

    /// <summary>2026-01-01T00:00:00Z.</summary>
    private static readonly DateTimeOffset SignedAt = DateTimeOffset.FromUnixTimeSeconds(1_767_225_600);

    [Fact]
    public void The_header_is_t_then_v1_the_hex_HMAC_SHA256_of_t_dot_body_keyed_with_the_whole_secret()
    {
        // Computed with Python's hmac module: hmac.new(b"whsec_test-secret-one", b"1767225600." + body, sha256).hexdigest()
        const string knownVector = "0fc65e1fa206a84dedca8f3e24f0b9db253069f00c54a39a513729fad41db84d";
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(FirstSecret));
        var computedHere = Convert.ToHexStringLower(hmac.ComputeHash(Encoding.UTF8.GetBytes("1767225600." + Body)));

        var header = WebhookSignature.Header([FirstSecret], SignedAt, Body);

        Assert.Equal(knownVector, computedHere);
        Assert.Equal($"t=1767225600,v1={knownVector}", header);
    }

    [Fact]
    public void The_timestamp_is_whole_unix_seconds_and_is_part_of_what_is_signed()
    {
        var header = WebhookSignature.Header([FirstSecret], SignedAt.AddMilliseconds(999), Body);
        var aSecondLater = WebhookSignature.Header([FirstSecret], SignedAt.AddSeconds(1), Body);

        Assert.Equal(WebhookSignature.Header([FirstSecret], SignedAt, Body), header);
        Assert.StartsWith("t=1767225601,v1=", aSecondLater);
        Assert.NotEqual(header[13..], aSecondLater[13..]);
    }

    [Fact]
    public void During_a_rotation_there_is_one_v1_per_secret_the_new_one_first()
    {
        var header = WebhookSignature.Header([SecondSecret, FirstSecret], SignedAt, Body);

        Assert.Equal(
            "t=1767225600,v1=002c0ae2b1c472e55293099a6210b89437db9ceda6711b9cfed02e3da271aa7a,v1=0fc65e1fa206a84dedca8f3e24f0b9db253069f00c54a39a513729fad41db84d",
            header);
    }

    [Fact]
    public void An_endpoint_signs_with_both_secrets_for_24_hours_after_a_rotation_then_with_the_new_one_alone()
    {
        var created = OrderFactory.Now;
        var endpoint = WebhookEndpoint.Create(WebhookOwner.Merchant(Guid.NewGuid()), 1, "https://hooks.example.com/orders", [WebhookEventTypes.OrderCreated], FirstSecret, created);
        Assert.Equal([FirstSecret], endpoint.SigningSecrets(created));

        var rotated = created.AddDays(10);
        endpoint.RotateSecret(SecondSecret, rotated);

        Assert.Equal([SecondSecret, FirstSecret], endpoint.SigningSecrets(rotated));
        Assert.Equal([SecondSecret, FirstSecret], endpoint.SigningSecrets(rotated.AddHours(24).AddTicks(-1)));
        Assert.Equal([SecondSecret], endpoint.SigningSecrets(rotated.AddHours(24)));

        endpoint.RotateSecret("whsec_test-secret-three", rotated.AddHours(1));
        Assert.Equal(["whsec_test-secret-three", SecondSecret], endpoint.SigningSecrets(rotated.AddHours(1)));
    }

    [Fact]
    public void Receivers_are_told_to_accept_timestamps_up_to_5_minutes_away()
    {
        Assert.Equal(TimeSpan.FromMinutes(5), WebhookSignature.ReplayWindow);
    }

    [Fact]
    public void A_new_secret_is_whsec_and_43_base64url_characters_and_never_repeats()
    {
        var secrets = Enumerable.Range(0, 1000).Select(_ => WebhookSigningSecret.New()).ToList();

        Assert.All(secrets, secret => Assert.Matches("^whsec_[A-Za-z0-9_-]{43}$", secret));
        Assert.Equal(WebhookSigningSecret.Length, secrets[0].Length);
        Assert.Equal(secrets.Count, secrets.Distinct(StringComparer.Ordinal).Count());
    }
}
