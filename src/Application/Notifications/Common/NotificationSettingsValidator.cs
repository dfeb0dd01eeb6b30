using FluentValidation;
using OrderTracking.Application.Common.Validation;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Notifications;
using OrderTracking.Domain.Orders;

namespace OrderTracking.Application.Notifications.Common;

/// <summary>How a merchant's e-mails look, as a request carries it (saving, or previewing unsaved changes).</summary>
public interface IEmailLookFields
{
    string? SenderName { get; }
    string? ReplyTo { get; }
    string? AccentColour { get; }
    string? LogoUrl { get; }
    string? Language { get; }
    string? TimeZone { get; }
}

/// <summary>Everything a merchant chooses about its customers' e-mails, as the save request carries it.</summary>
public interface INotificationSettingsFields : IEmailLookFields
{
    bool? Enabled { get; }
    IReadOnlyList<OrderStatus>? Events { get; }
}

/// <summary>The field rules of how e-mails look, shared by saving and previewing.</summary>
public abstract class EmailLookValidator<T> : AbstractValidator<T>
    where T : IEmailLookFields
{
    protected EmailLookValidator()
    {
        RuleFor(c => c.SenderName).OptionalText(NotificationSettings.MaxSenderNameLength, "the sender name");
        RuleFor(c => c.ReplyTo).Cascade(CascadeMode.Stop)
            .EmailAddress().WithMessage("Enter the reply-to address as name@example.com, or leave it empty for your public e-mail.")
            .OptionalText(NotificationSettings.MaxReplyToLength, "the reply-to address")
            .When(c => !string.IsNullOrWhiteSpace(c.ReplyTo));
        // Each check below already bounds the length; the MaximumLength after it states the bound in the API's schema.
        RuleFor(c => c.AccentColour).Cascade(CascadeMode.Stop)
            .Must(NotificationSettings.IsAccentColour).WithMessage(NotificationSettings.AccentColourMessage)
            .MaximumLength(NotificationSettings.AccentColourLength)
            .When(c => !string.IsNullOrWhiteSpace(c.AccentColour));
        RuleFor(c => c.LogoUrl).Cascade(CascadeMode.Stop)
            .Must(NotificationSettings.IsLogoUrl).WithMessage(NotificationSettings.LogoUrlMessage)
            .MaximumLength(NotificationSettings.MaxLogoUrlLength)
            .When(c => !string.IsNullOrWhiteSpace(c.LogoUrl));
        RuleFor(c => c.Language).Cascade(CascadeMode.Stop)
            .Must(Locale.IsLanguage).WithMessage(Locale.LanguageMessage).MaximumLength(Locale.MaxLanguageLength).When(c => c.Language is not null);
        RuleFor(c => c.TimeZone).Cascade(CascadeMode.Stop)
            .Must(Locale.IsTimeZone).WithMessage(Locale.TimeZoneMessage).MaximumLength(Locale.MaxTimeZoneLength).When(c => c.TimeZone is not null);
    }
}

/// <summary>The field rules of the whole settings: the look, the switch and the events.</summary>
public abstract class NotificationSettingsValidator<T> : EmailLookValidator<T>
    where T : INotificationSettingsFields
{
    protected NotificationSettingsValidator()
    {
        RuleFor(c => c.Enabled).NotNull().WithMessage("Say whether customers are e-mailed (enabled: true or false).");
        RuleFor(c => c.Events).NotNull().WithMessage("List the events that send an e-mail (an empty list for none).")
            .MaxItems(NotificationSettings.NotifiableStatuses.Count);
        RuleForEach(c => c.Events).Must(NotificationSettings.NotifiableStatuses.Contains)
            .WithMessage($"Customers are e-mailed only about {string.Join(", ", NotificationSettings.NotifiableStatuses)}.");
    }
}

public static class NotificationSettingsFields
{
    /// <summary>Applies what the request chose; a language or time zone left out keeps the one saved.</summary>
    public static void ApplyTo(this INotificationSettingsFields fields, NotificationSettings settings, DateTimeOffset now) =>
        fields.ApplyLookTo(settings, fields.Enabled!.Value, fields.Events!, now);

    /// <summary>Applies how the e-mails look, with the switch and events given.</summary>
    public static void ApplyLookTo(this IEmailLookFields fields, NotificationSettings settings, bool enabled, IReadOnlyCollection<OrderStatus> events, DateTimeOffset now) =>
        settings.Update(
            enabled,
            events,
            fields.SenderName,
            fields.ReplyTo,
            fields.AccentColour,
            fields.LogoUrl,
            new Locale(fields.Language ?? settings.Language, fields.TimeZone ?? settings.TimeZone),
            now);
}
