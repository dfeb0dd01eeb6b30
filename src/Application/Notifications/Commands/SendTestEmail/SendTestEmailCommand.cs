using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;
using OrderTracking.Application.Common.Exceptions;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Common.Security;
using OrderTracking.Application.Notifications.Common;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Notifications;
using OrderTracking.Domain.Orders;

namespace OrderTracking.Application.Notifications.Commands.SendTestEmail;

/// <summary>Sends the e-mail for <see cref="Event"/>, with sample data and the saved look, to the merchant's own account address.</summary>
[Authorize(ActorType.Merchant, ActorType.Admin)]
public sealed record SendTestEmailCommand(Guid MerchantId, OrderStatus? Event) : ICommand<TestEmailDto>;

public sealed class SendTestEmailCommandValidator : AbstractValidator<SendTestEmailCommand>
{
    public SendTestEmailCommandValidator()
    {
        RuleFor(c => c.Event).NotNull().WithMessage("Choose which e-mail to send as a test.")
            .Must(e => NotificationSettings.NotifiableStatuses.Contains(e!.Value)).When(c => c.Event is not null)
            .WithMessage($"Customers are e-mailed only about {string.Join(", ", NotificationSettings.NotifiableStatuses)}.");
    }
}

public sealed class SendTestEmailCommandHandler(
    ICurrentActor currentActor,
    INotificationRepository notifications,
    IUserRepository users,
    IEmailChannel channel,
    CustomerEmailComposer composer,
    IOptions<NotificationOptions> options,
    TimeProvider timeProvider) : ICommandHandler<SendTestEmailCommand, TestEmailDto>
{
    public async ValueTask<TestEmailDto> Handle(SendTestEmailCommand command, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var (settings, _) = await notifications.FindManagedAsync(users, currentActor.Required(), command.MerchantId, now, cancellationToken);
        if (!channel.IsConfigured)
        {
            throw new DomainRuleException("This server has no mail server configured, so it sends no e-mail.");
        }

        if (settings.IsPaused)
        {
            throw new DomainRuleException("An admin paused this merchant's e-mails; nothing is sent until an admin resumes them.");
        }

        var merchant = await users.FindByIdAsync(command.MerchantId, cancellationToken) ?? throw new NotFoundException("Merchant", command.MerchantId);
        var sender = await notifications.FindSenderAsync(command.MerchantId, cancellationToken);
        var email = composer.Compose(EmailFacts.Sample(command.Event!.Value, sender, now), settings, settings.Locale, recipient: null);
        var test = EmailNotification.Plan(
            command.MerchantId, orderId: null, eventId: Guid.NewGuid(), command.Event.Value, isTest: true, merchant.Email, email,
            occurredAt: now, sendAt: now, options.Value.RetrySchedule.Window, now);
        await notifications.PlanAsync(test, cancellationToken);
        return new TestEmailDto(test.RecipientMasked);
    }
}
