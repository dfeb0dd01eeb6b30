using OrderTracking.Domain.Sessions;
using OrderTracking.Domain.Users;

namespace OrderTracking.Domain.UnitTests;

public sealed class SessionFamilyTests
{
    private static readonly DateTimeOffset Now = OrderFactory.Now;
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(10);

    [Fact]
    public void A_fresh_token_rotates_once_and_a_replay_after_the_grace_window_revokes_the_family()
    {
        var family = SessionFamily.Start(Guid.NewGuid(), Now, TimeSpan.FromDays(14));
        var token = RefreshToken.Issue(family, [1], Now);

        Assert.Equal(RefreshOutcome.Rotate, family.Redeem(token, Now.AddMinutes(1), Grace));
        Assert.Equal(Now.AddMinutes(1), token.SpentAt);
        Assert.Equal(RefreshOutcome.RepeatSuccessor, family.Redeem(token, Now.AddMinutes(1).AddSeconds(5), Grace));
        Assert.Equal(RefreshOutcome.ReuseDetected, family.Redeem(token, Now.AddMinutes(2), Grace));
        Assert.Equal(SessionRevocationReason.TokenReuse, family.RevocationReason);

        var sibling = RefreshToken.Issue(family, [2], Now.AddMinutes(1));
        Assert.Equal(RefreshOutcome.Refused, family.Redeem(sibling, Now.AddMinutes(3), Grace));
    }

    [Fact]
    public void A_family_ends_at_its_absolute_lifetime_and_refuses_tokens_of_other_families()
    {
        var family = SessionFamily.Start(Guid.NewGuid(), Now, TimeSpan.FromDays(14));
        var other = SessionFamily.Start(Guid.NewGuid(), Now, TimeSpan.FromDays(14));

        Assert.Equal(RefreshOutcome.Refused, family.Redeem(RefreshToken.Issue(other, [1], Now), Now, Grace));
        Assert.Equal(RefreshOutcome.Refused, family.Redeem(RefreshToken.Issue(family, [2], Now), Now.AddDays(14), Grace));
        Assert.Equal(RefreshOutcome.Rotate, family.Redeem(RefreshToken.Issue(family, [3], Now), Now.AddDays(14).AddSeconds(-1), Grace));
    }

    [Fact]
    public void Lockout_counts_failures_within_the_window_and_a_reset_lifts_it()
    {
        var policy = LockoutPolicy.Default;
        var user = User.Create("a@example.com", "A", UserRole.Merchant, "hash", Now);

        for (var i = 0; i < 4; i++)
        {
            user.RecordFailedSignIn(policy, Now.AddMinutes(i));
        }

        user.RecordFailedSignIn(policy, Now.AddMinutes(16));
        Assert.False(user.IsLockedOut(Now.AddMinutes(16)));

        for (var i = 0; i < 4; i++)
        {
            user.RecordFailedSignIn(policy, Now.AddMinutes(17));
        }

        Assert.True(user.IsLockedOut(Now.AddMinutes(17)));
        Assert.False(user.IsLockedOut(Now.AddMinutes(17 + 15)));
        user.ResetPassword("new-hash", Now.AddMinutes(18));
        Assert.False(user.IsLockedOut(Now.AddMinutes(18)));
    }
}
