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
}
