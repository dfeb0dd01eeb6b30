using OrderTracking.Domain.Partners;
using Riok.Mapperly.Abstractions;

namespace OrderTracking.Application.Partners.Common;

/// <summary>A delivery-partner company.</summary>
public sealed record PartnerDto(Guid Id, string Name, bool IsActive, DateTimeOffset CreatedAt);

/// <summary>An API key as lists show it: never the secret.</summary>
public sealed record ApiKeyDto(Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

/// <summary>A newly issued key. <see cref="Key"/> is the full key, shown this once and never again: store it now.</summary>
public sealed record IssuedApiKeyDto(Guid Id, string Name, string Prefix, string Key, DateTimeOffset CreatedAt)
{
    public override string ToString() => $"IssuedApiKeyDto {{ Id = {Id}, Prefix = {Prefix} }}";
}

[Mapper]
public static partial class PartnerMapper
{
    [MapperIgnoreSource(nameof(DeliveryPartner.UpdatedAt))]
    public static partial PartnerDto ToDto(this DeliveryPartner partner);

    [MapperIgnoreSource(nameof(PartnerApiKey.PartnerId))]
    [MapperIgnoreSource(nameof(PartnerApiKey.PublicId))]
    [MapperIgnoreSource(nameof(PartnerApiKey.SecretHash))]
    [MapperIgnoreSource(nameof(PartnerApiKey.IsRevoked))]
    public static partial ApiKeyDto ToDto(this PartnerApiKey key);
}
