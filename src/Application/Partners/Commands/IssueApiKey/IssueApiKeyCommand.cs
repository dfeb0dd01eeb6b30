using OrderTracking.Application.Common.Validation;
using FluentValidation;
using Mediator;
using OrderTracking.Application.Common.Exceptions;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Common.Security;
using OrderTracking.Application.Partners.Common;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Partners;

namespace OrderTracking.Application.Partners.Commands.IssueApiKey;

/// <summary>Issues a new API key for a partner; the answer holds the full key, which is never shown again.</summary>
[Authorize(ActorType.Admin)]
public sealed record IssueApiKeyCommand(Guid PartnerId, string? Name) : ICommand<IssuedApiKeyDto>;

public sealed class IssueApiKeyCommandValidator : AbstractValidator<IssueApiKeyCommand>
{
    public IssueApiKeyCommandValidator()
    {
        RuleFor(c => c.Name).RequiredText(PartnerApiKey.MaxNameLength, "a name for the key, such as the system that will use it");
    }
}

public sealed class IssueApiKeyCommandHandler(IPartnerRepository partners, IApiKeySecrets secrets, IUnitOfWork unitOfWork, TimeProvider timeProvider)
    : ICommandHandler<IssueApiKeyCommand, IssuedApiKeyDto>
{
    public async ValueTask<IssuedApiKeyDto> Handle(IssueApiKeyCommand command, CancellationToken cancellationToken)
    {
        var partner = await partners.FindByIdAsync(command.PartnerId, cancellationToken) ?? throw new NotFoundException("Partner", command.PartnerId);
        var (publicId, secret, hash) = secrets.Generate();
        var key = PartnerApiKey.Issue(partner.Id, command.Name!, publicId, hash, timeProvider.GetUtcNow());
        partners.AddKey(key);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return new IssuedApiKeyDto(key.Id, key.Name, key.Prefix, ApiKeyFormat.Compose(publicId, secret), key.CreatedAt);
    }
}
