using OrderTracking.Domain.Common;
using OrderTracking.Domain.Notifications;
using OrderTracking.Domain.Orders;

namespace OrderTracking.Domain.UnitTests;

public sealed class NotificationSettingsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 14, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_merchant_that_never_saved_its_settings_sends_nothing_but_has_every_event_chosen_for_when_it_turns_them_on()
    {
        var settings = NotificationSettings.Defaults(Guid.NewGuid(), Now);

        Assert.False(settings.IsEnabled);
        Assert.Equal(NotificationSettings.NotifiableStatuses, settings.Events);
        Assert.All(NotificationSettings.NotifiableStatuses, status => Assert.False(settings.Sends(status)));
    }

    [Fact]
    public void Only_chosen_events_send_and_a_pause_stops_them_all_until_resumed()
    {
        var settings = NotificationSettings.Defaults(Guid.NewGuid(), Now);
        settings.Update(true, [OrderStatus.Delivered, OrderStatus.Confirmed], " Bakery ", null, "#0A7D5A", null, Locale.Default, Now);

        Assert.Equal([OrderStatus.Confirmed, OrderStatus.Delivered], settings.Events);
        Assert.True(settings.Sends(OrderStatus.Delivered));
        Assert.False(settings.Sends(OrderStatus.InTransit));
        Assert.Equal(("Bakery", "#0a7d5a"), (settings.SenderName, settings.AccentColour));

        settings.Pause("Complaints", Now);
        Assert.False(settings.Sends(OrderStatus.Delivered));
        settings.Update(true, [OrderStatus.Delivered], null, null, null, null, Locale.Default, Now);
        Assert.True(settings.IsPaused);
        settings.Resume(Now);
        Assert.True(settings.Sends(OrderStatus.Delivered));
    }

    [Theory]
    [InlineData("red", null)]
    [InlineData("#12345", null)]
    [InlineData(null, "http://shop.test/logo.png")]
    [InlineData(null, "https://user:secret@shop.test/logo.png")]
    [InlineData(null, "logo.png")]
    public void A_colour_that_is_not_rrggbb_or_a_logo_that_is_not_a_plain_https_address_is_refused(string? colour, string? logo)
    {
        var settings = NotificationSettings.Defaults(Guid.NewGuid(), Now);
        Assert.Throws<DomainValidationException>(() => settings.Update(true, [], null, null, colour, logo, Locale.Default, Now));
    }

    [Fact]
    public void Customers_are_not_emailed_about_steps_inside_the_shop()
    {
        var settings = NotificationSettings.Defaults(Guid.NewGuid(), Now);
        Assert.Throws<DomainValidationException>(() => settings.Update(true, [OrderStatus.Preparing], null, null, null, null, Locale.Default, Now));
    }

    [Theory]
    [InlineData("alice@example.org", "a•••@example.org")]
    [InlineData("x@y.test", "x•••@y.test")]
    [InlineData("no-at-sign", "•••")]
    public void An_address_is_masked_to_its_first_letter_and_domain(string address, string masked) =>
        Assert.Equal(masked, EmailAddressMask.Mask(address));

    [Theory]
    [InlineData("de-DE", "Europe/Berlin", true)]
    [InlineData("en", "UTC", true)]
    [InlineData("xx-NOPE", "UTC", false)]
    [InlineData("en", "Mars/Olympus", false)]
    [InlineData("en", "W. Europe Standard Time", false)]
    public void A_customer_locale_is_a_known_language_and_an_exact_IANA_zone(string language, string zone, bool valid)
    {
        Assert.Equal(valid, Locale.IsLanguage(language) && Locale.IsTimeZone(zone));
        if (!valid)
        {
            Assert.Throws<DomainValidationException>(() => new Customer("Jane", "+44 7700 900123", "jane@example.com", language, zone));
        }
    }
}
