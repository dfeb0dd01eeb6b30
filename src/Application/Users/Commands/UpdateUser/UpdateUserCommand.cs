using OrderTracking.Application.Common.Validation;
using FluentValidation;
using Mediator;
using OrderTracking.Application.Common.Exceptions;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Common.Security;
using OrderTracking.Application.Users.Common;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Sessions;
using OrderTracking.Domain.Users;
using OrderTracking.Domain.Webhooks;

namespace OrderTracking.Application.Users.Commands.UpdateUser;

/// <summary>An admin changes an account: any field left null stays as it is. <see cref="Password"/> resets the password.</summary>
[Authorize(ActorType.Admin)]
public sealed record UpdateUserCommand(Guid UserId, string? DisplayName, UserRole? Role, bool? IsActive, string? Password) : ICommand<UserDto>
{
    public override string ToString() => $"UpdateUserCommand {{ UserId = {UserId}, Role = {Role}, IsActive = {IsActive} }}";
}

public sealed class UpdateUserCommandValidator : AbstractValidator<UpdateUserCommand>
{
    public UpdateUserCommandValidator()
    {
        RuleFor(c => c.DisplayName).RequiredText(User.MaxDisplayNameLength, "the name").When(c => c.DisplayName is not null);
        RuleFor(c => c.Role).IsInEnum().WithMessage("Choose a role.");
        RuleFor(c => c.Password).ValidPassword().When(c => c.Password is not null);
    }
}

public sealed class UpdateUserCommandHandler(
    ICurrentActor currentActor,
    IUserRepository users,
    ISessionRepository sessions,
    IPasswordHasher passwordHasher,
    IWebhookRepository webhooks,
    IUnitOfWork unitOfWork,
    ISessionEndNotifier sessionEnds,
    TimeProvider timeProvider) : ICommandHandler<UpdateUserCommand, UserDto>
{
    public async ValueTask<UserDto> Handle(UpdateUserCommand command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(command.UserId, cancellationToken) ?? throw new NotFoundException("User", command.UserId);
        var now = timeProvider.GetUtcNow();
        var isSelf = user.Id == currentActor.Required().Id;

        if (isSelf && (command.IsActive == false || (command.Role is { } role && role != UserRole.Admin)))
        {
            throw new DomainRuleException("An admin cannot deactivate or demote their own account; ask another admin.");
        }

        var sessionVersion = user.SessionVersion;
        var wasActiveMerchant = user is { IsActive: true, Role: UserRole.Merchant };
        if (command.DisplayName is { } displayName)
        {
            user.Rename(displayName, now);
        }

        if (command.Role is { } newRole)
        {
            user.ChangeRole(newRole, now);
        }

        if (command.IsActive == true)
        {
            user.Activate(now);
        }
        else if (command.IsActive == false)
        {
            user.Deactivate(now);
        }

        if (command.Password is { } password)
        {
            user.ResetPassword(passwordHasher.Hash(password), now);
        }

        // A merchant account that ends (deactivated, or no longer a merchant) takes its webhooks with it, in the same
        // commit: its endpoints say why, and stay disabled if the account comes back until the merchant enables them.
        if (wasActiveMerchant && !user.IsActive)
        {
            await webhooks.DisableAllAsync(WebhookOwner.Merchant(user.Id), WebhookDisabledReason.OwnerDeactivated, now, cancellationToken);
        }
        else if (wasActiveMerchant && user.Role != UserRole.Merchant)
        {
            await webhooks.DisableAllAsync(WebhookOwner.Merchant(user.Id), WebhookDisabledReason.OwnerNoLongerMerchant, now, cancellationToken);
        }

        // The user decides which changes end its sessions; when one did, refresh tokens stop working too.
        var sessionsEnded = user.SessionVersion != sessionVersion;
        if (sessionsEnded)
        {
            await sessions.RevokeAllForUserAsync(user.Id, SessionRevocationReason.AccountChanged, now, cancellationToken);
        }

        await unitOfWork.SaveChangesAsync(cancellationToken);
        if (sessionsEnded)
        {
            await sessionEnds.SessionsEndedAsync(user.Id, cancellationToken);
        }

        return user.ToDto();
    }
}
