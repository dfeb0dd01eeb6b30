namespace OrderTracking.WebApi.IntegrationTests.Infrastructure;

public sealed record PartnerResponse(Guid Id, string Name, bool IsActive);

public sealed record IssuedKeyResponse(Guid Id, string Name, string Prefix, string Key, DateTimeOffset CreatedAt);

public sealed record ApiKeyResponse(Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);
