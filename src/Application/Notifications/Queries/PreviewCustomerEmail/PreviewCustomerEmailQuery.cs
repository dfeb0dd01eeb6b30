using FluentValidation;
using Mediator;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Common.Security;
using OrderTracking.Application.Notifications.Common;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Notifications;
using OrderTracking.Domain.Orders;

namespace OrderTracking.Application.Notifications.Queries.PreviewCustomerEmail;

/// <summary>
/// The e-mail a customer would get for <see cref="Event"/>, with sample order data and the look given here (the
/// merchant's unsaved changes), exactly as it would be sent. Nothing is saved or sent.
/// </summary>
[Authorize(ActorType.Merchant, ActorType.Admin)]
public sealed record PreviewCustomerEmailQuery(
    Guid MerchantId,
    OrderStatus? Event,
    string? SenderName,
    string? ReplyTo,
    string? AccentColour,
    string? LogoUrl,
    string? Language,
    string? TimeZone) : IQuery<EmailPreviewDto>, IEmailLookFields;

public sealed class PreviewCustomerEmailQueryValidator : EmailLookValidator<PreviewCustomerEmailQuery>
{
    public PreviewCustomerEmailQueryValidator()
    {
        RuleFor(c => c.Event).NotNull().WithMessage("Choose which e-mail to preview.")
            .Must(e => NotificationSettings.NotifiableStatuses.Contains(e!.Value)).When(c => c.Event is not null)
            .WithMessage($"Customers are e-mailed only about {string.Join(", ", NotificationSettings.NotifiableStatuses)}.");
    }
}

public sealed class PreviewCustomerEmailQueryHandler(
    ICurrentActor currentActor,
    INotificationRepository notifications,
    IUserRepository users,
    CustomerEmailComposer composer,
    TimeProvider timeProvider) : IQueryHandler<PreviewCustomerEmailQuery, EmailPreviewDto>
{
    public async ValueTask<EmailPreviewDto> Handle(PreviewCustomerEmailQuery query, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var (settings, _) = await notifications.FindManagedAsync(users, currentActor.Required(), query.MerchantId, now, cancellationToken);
        query.ApplyLookTo(settings, settings.IsEnabled, settings.Events, now);
        var sender = await notifications.FindSenderAsync(query.MerchantId, cancellationToken);
        var email = composer.Compose(EmailFacts.Sample(query.Event!.Value, sender, now), settings, settings.Locale, recipient: null);
        return new EmailPreviewDto(email.Subject, email.Text, email.Html, email.SenderName, email.ReplyTo);
    }
}
