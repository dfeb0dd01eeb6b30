using OrderTracking.Domain.Common;
using OrderTracking.Domain.Merchants;
using OrderTracking.Domain.Orders;

namespace OrderTracking.Domain.UnitTests;

/// <summary>A merchant profile keeps exactly one default pickup location while it has any, and a public contact.</summary>
public sealed class MerchantProfileTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private static DeliveryAddress Address(string line1) => new(line1, null, "London", "NW1 6XE", "United Kingdom");

    private static MerchantProfile Profile() => MerchantProfile.Create(Guid.NewGuid(), "Corner Bakery Ltd", "+44 20 7946 0001", null, Now);

    [Fact]
    public void The_first_location_is_the_default_and_naming_another_default_moves_it()
    {
        var profile = Profile();
        var shop = profile.AddLocation("Shop", Address("12 Baker Street"), null, makeDefault: false, Now);
        var bakehouse = profile.AddLocation("Bakehouse", Address("5 Mill Lane"), null, makeDefault: false, Now);
        Assert.Same(shop, profile.DefaultLocation);

        profile.UpdateLocation(bakehouse.Id, "Bakehouse", Address("5 Mill Lane"), null, makeDefault: true, Now);
        Assert.Same(bakehouse, profile.DefaultLocation);
        Assert.Single(profile.Locations, l => l.IsDefault);

        profile.UpdateLocation(bakehouse.Id, "Bakehouse", Address("5 Mill Lane"), null, makeDefault: false, Now);
        Assert.Same(bakehouse, profile.DefaultLocation);
    }

    [Fact]
    public void Removing_the_default_hands_it_to_the_oldest_remaining_location()
    {
        var profile = Profile();
        var shop = profile.AddLocation("Shop", Address("12 Baker Street"), null, makeDefault: true, Now);
        var bakehouse = profile.AddLocation("Bakehouse", Address("5 Mill Lane"), null, makeDefault: false, Now);
        profile.AddLocation("Stall", Address("1 Market Street"), null, makeDefault: false, Now);

        profile.RemoveLocation(shop.Id, Now);

        Assert.Same(bakehouse, profile.DefaultLocation);
        Assert.Single(profile.Locations, l => l.IsDefault);
    }

    [Fact]
    public void A_new_order_is_collected_from_the_named_location_or_the_default_and_keeps_a_copy()
    {
        var profile = Profile();
        var shop = profile.AddLocation("Shop", Address("12 Baker Street"), "Ring at the back door", makeDefault: true, Now);
        var bakehouse = profile.AddLocation("Bakehouse", Address("5 Mill Lane"), null, makeDefault: false, Now);

        var pickup = profile.PickupFor(null)!.ToOrderPickup();
        Assert.Equal(new OrderPickup(shop.Id, "Shop", Address("12 Baker Street"), "Ring at the back door"), pickup);
        Assert.Same(bakehouse, profile.PickupFor(bakehouse.Id));
        Assert.Throws<DomainValidationException>(() => profile.PickupFor(Guid.NewGuid()));

        profile.UpdateLocation(shop.Id, "Moved", Address("99 New Road"), null, makeDefault: true, Now);
        Assert.Equal("12 Baker Street", pickup.Address.Line1);
    }

    [Fact]
    public void A_profile_needs_a_public_phone_or_email()
    {
        Assert.Throws<DomainValidationException>(() => MerchantProfile.Create(Guid.NewGuid(), "Corner Bakery", " ", null, Now));
        Assert.Equal("hi@bakery.example", MerchantProfile.Create(Guid.NewGuid(), "Corner Bakery", null, " hi@bakery.example ", Now).ContactEmail);
    }

    [Fact]
    public void Only_the_merchant_itself_and_admins_may_manage_a_profile()
    {
        var merchantId = Guid.NewGuid();
        Assert.True(MerchantProfile.MayBeManagedBy(new Actor(ActorType.Merchant, merchantId, "Owner"), merchantId));
        Assert.True(MerchantProfile.MayBeManagedBy(new Actor(ActorType.Admin, Guid.NewGuid(), "Ada"), merchantId));
        Assert.False(MerchantProfile.MayBeManagedBy(new Actor(ActorType.Merchant, Guid.NewGuid(), "Other"), merchantId));
        Assert.False(MerchantProfile.MayBeManagedBy(new Actor(ActorType.Delivery, merchantId, "Courier"), merchantId));
    }
}
