using OrderTracking.Domain.Common;
using OrderTracking.Domain.Users;

namespace OrderTracking.Domain.UnitTests;

public sealed class UserTests
{
    private static readonly DateTimeOffset Now = OrderFactory.Now;

    [Fact]
    public void A_user_is_created_active_with_a_normalised_email_and_acts_in_its_role()
    {
        var user = User.Create("  Carl@Example.COM ", " Carl ", UserRole.Delivery, "hash", Now);

        Assert.Equal(("carl@example.com", "Carl", true), (user.Email, user.DisplayName, user.IsActive));
        Assert.Equal(new Actor(ActorType.Delivery, user.Id, "Carl"), user.AsActor());
    }

    [Fact]
    public void Deactivation_role_change_and_rename_are_recorded()
    {
        var user = User.Create("a@example.com", "A", UserRole.Merchant, "hash", Now);

        user.Deactivate(Now.AddHours(1));
        user.ChangeRole(UserRole.Admin, Now.AddHours(2));

        Assert.False(user.IsActive);
        Assert.Equal(ActorType.Admin, user.ActorType);
        Assert.Equal(Now.AddHours(2), user.UpdatedAt);
        Assert.Throws<DomainValidationException>(() => user.Rename(new string('x', 201), Now));
        Assert.Throws<DomainValidationException>(() => user.ChangePasswordHash(string.Empty, Now));
    }

    [Fact]
    public void Deactivation_a_new_role_and_a_password_reset_each_end_the_sessions_and_nothing_else_does()
    {
        var user = User.Create("a@example.com", "A", UserRole.Merchant, "hash", Now);
        var issuedAt = user.SessionVersion;

        user.Rename("B", Now);
        user.ChangeRole(UserRole.Merchant, Now);
        user.Activate(Now);
        user.RecordSuccessfulSignIn();
        Assert.True(user.SessionState.Accepts(issuedAt));

        var seen = new List<int> { user.SessionVersion };
        user.Deactivate(Now);
        seen.Add(user.SessionVersion);
        user.Activate(Now);
        user.ChangeRole(UserRole.Delivery, Now);
        seen.Add(user.SessionVersion);
        user.ResetPassword("new-hash", Now);
        seen.Add(user.SessionVersion);

        Assert.Equal(4, seen.Distinct().Count());
        Assert.False(user.SessionState.Accepts(issuedAt));
        Assert.True(user.SessionState.Accepts(user.SessionVersion));
        user.Deactivate(Now);
        Assert.False(user.SessionState.Accepts(user.SessionVersion));
    }
}
