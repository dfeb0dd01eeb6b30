using OrderTracking.Application.Partners.Commands.IssueApiKey;
using OrderTracking.Application.Partners.Commands.UpdatePartner;
using OrderTracking.WebApi.OpenApi.Validation;

namespace OrderTracking.WebApi.Contracts;

/// <summary>Changes to a partner; fields left out stay as they are.</summary>
[ValidatedAs(typeof(UpdatePartnerCommand))]
public sealed record UpdatePartnerRequest(string? Name = null, bool? IsActive = null);

/// <summary>A new API key; the name says where it is used, such as "production dispatcher".</summary>
[ValidatedAs(typeof(IssueApiKeyCommand))]
public sealed record IssueApiKeyRequest(string? Name);
