using OrderTracking.Domain.Common;

namespace OrderTracking.Domain.Partners;

/// <summary>A delivery company whose own system moves the orders assigned to it, authenticated by API keys.</summary>
public sealed class DeliveryPartner
{
    public const int MaxNameLength = 200;

    private DeliveryPartner()
    {
        Name = string.Empty;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; }
    public bool IsActive { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public static DeliveryPartner Create(string name, DateTimeOffset now)
    {
        var partner = new DeliveryPartner { Id = Guid.CreateVersion7(now), IsActive = true, CreatedAt = now };
        partner.Rename(name, now);
        return partner;
    }

    public Actor AsActor() => new(ActorType.Partner, Id, Name);

    public void Rename(string name, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxNameLength)
        {
            throw new DomainValidationException(nameof(Name), $"A partner name is required and at most {MaxNameLength} characters.");
        }

        Name = name.Trim();
        UpdatedAt = now;
    }

    public void Activate(DateTimeOffset now)
    {
        IsActive = true;
        UpdatedAt = now;
    }

    public void Deactivate(DateTimeOffset now)
    {
        IsActive = false;
        UpdatedAt = now;
    }
}
