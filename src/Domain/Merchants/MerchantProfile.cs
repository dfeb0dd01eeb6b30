using OrderTracking.Domain.Common;
using OrderTracking.Domain.Orders;

namespace OrderTracking.Domain.Merchants;

/// <summary>
/// How a merchant presents itself to its customers (business name and public contact) and where couriers collect its
/// parcels. One per merchant, keyed by the merchant's user id. Exactly one pickup location is the default while any exist.
/// </summary>
public sealed class MerchantProfile
{
    public const int MaxBusinessNameLength = 200;
    public const int MaxContactPhoneLength = Customer.MaxPhoneLength;
    public const int MaxContactEmailLength = Customer.MaxEmailLength;
    public const int MaxPickupLocations = 20;

    public const string ContactRequired = "Give a public contact phone, email or both, so customers can reach the business.";

    private readonly List<PickupLocation> _locations = [];

    private MerchantProfile()
    {
        BusinessName = string.Empty;
    }

    public Guid MerchantId { get; private set; }
    public string BusinessName { get; private set; }

    /// <summary>Shown to the merchant's customers on the tracking page.</summary>
    public string? ContactPhone { get; private set; }

    /// <summary>Shown to the merchant's customers on the tracking page.</summary>
    public string? ContactEmail { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Oldest first.</summary>
    public IReadOnlyList<PickupLocation> Locations => _locations;

    public PickupLocation? DefaultLocation => _locations.FirstOrDefault(l => l.IsDefault);

    public PickupLocation? FindLocation(Guid locationId) => _locations.FirstOrDefault(l => l.Id == locationId);

    /// <summary>Merchants manage their own profile; admins any merchant's.</summary>
    public static bool MayBeManagedBy(Actor actor, Guid merchantId) =>
        actor.Type == ActorType.Admin || (actor.Type == ActorType.Merchant && actor.Id == merchantId);

    public static MerchantProfile Create(Guid merchantId, string businessName, string? contactPhone, string? contactEmail, DateTimeOffset now)
    {
        var profile = new MerchantProfile { MerchantId = merchantId };
        profile.UpdateDetails(businessName, contactPhone, contactEmail, now);
        return profile;
    }

    public void UpdateDetails(string businessName, string? contactPhone, string? contactEmail, DateTimeOffset now)
    {
        var phone = Blank(contactPhone);
        var email = Blank(contactEmail);
        if (phone is null && email is null)
        {
            throw new DomainValidationException(nameof(ContactPhone), ContactRequired);
        }

        BusinessName = Text.Required(businessName, MaxBusinessNameLength, nameof(BusinessName)).Trim();
        ContactPhone = Text.Optional(phone, MaxContactPhoneLength, nameof(ContactPhone));
        ContactEmail = Text.Optional(email, MaxContactEmailLength, nameof(ContactEmail));
        UpdatedAt = now;
    }

    /// <summary>Adds a location; the first one is the default whatever <paramref name="makeDefault"/> says.</summary>
    public PickupLocation AddLocation(string label, DeliveryAddress address, string? instructions, bool makeDefault, DateTimeOffset now)
    {
        if (_locations.Count >= MaxPickupLocations)
        {
            throw new DomainRuleException($"A merchant has at most {MaxPickupLocations} pickup locations.");
        }

        var location = new PickupLocation(MerchantId, label, address, instructions, now);
        _locations.Add(location);
        if (makeDefault || _locations.Count == 1)
        {
            MakeDefault(location);
        }

        UpdatedAt = now;
        return location;
    }

    /// <summary>
    /// Changes a location. Orders already created keep their copy of the old address. The default moves only by
    /// naming another default: clearing <paramref name="makeDefault"/> on the default location leaves it the default.
    /// </summary>
    public PickupLocation UpdateLocation(Guid locationId, string label, DeliveryAddress address, string? instructions, bool makeDefault, DateTimeOffset now)
    {
        var location = Location(locationId);
        location.Change(label, address, instructions);
        if (makeDefault)
        {
            MakeDefault(location);
        }

        UpdatedAt = now;
        return location;
    }

    /// <summary>Removes a location; when it was the default, the oldest remaining location becomes the default.</summary>
    public void RemoveLocation(Guid locationId, DateTimeOffset now)
    {
        var location = Location(locationId);
        _locations.Remove(location);
        if (location.IsDefault && _locations.Count > 0)
        {
            MakeDefault(_locations[0]);
        }

        UpdatedAt = now;
    }

    /// <summary>The location a new order is collected from: the one named, or the default when none is named.</summary>
    public PickupLocation? PickupFor(Guid? locationId) =>
        locationId is { } id ? Location(id) : DefaultLocation;

    private PickupLocation Location(Guid locationId) =>
        FindLocation(locationId)
        ?? throw new DomainValidationException("PickupLocationId", "This merchant has no pickup location with this id.");

    private void MakeDefault(PickupLocation location)
    {
        foreach (var other in _locations)
        {
            other.IsDefault = ReferenceEquals(other, location);
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
