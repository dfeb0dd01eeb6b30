
namespace OrderTracking.WebApi.Contracts;

/// <summary>Changes to a partner; fields left out stay as they are.</summary>
public sealed record UpdatePartnerRequest(string? Name = null, bool? IsActive = null);

/// <summary>A new API key; the name says where it is used, such as "production dispatcher".</summary>
public sealed record IssueApiKeyRequest(string? Name);
