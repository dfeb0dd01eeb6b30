using System.Net.Mail;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Notifications.Common;
using OrderTracking.Infrastructure.Persistence.Repositories;
using OrderTracking.Infrastructure.Retention;

namespace OrderTracking.Infrastructure.Notifications;

public static class NotificationServices
{
    /// <summary>Customers' e-mails: settings, planning, rendering, unsubscribe tokens, the sender and the retention of what was sent.</summary>
    public static IServiceCollection AddCustomerEmails(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SmtpOptions>().Bind(configuration.GetSection(SmtpOptions.SectionName))
            .Validate(smtp => string.IsNullOrWhiteSpace(smtp.Host) || MailAddress.TryCreate(smtp.FromAddress, out _),
                "Smtp:FromAddress must be an e-mail address (such as notifications@example.com) when Smtp:Host is set.")
            .Validate(smtp => smtp.Port is > 0 and <= 65535 && smtp.TimeoutSeconds is > 0 and <= 300,
                "Smtp:Port must be a port number and Smtp:TimeoutSeconds between 0 and 300.")
            .Validate<IHostEnvironment>(
                (smtp, environment) => !environment.IsProduction() || string.IsNullOrEmpty(smtp.User) || smtp.TlsMode != SmtpTlsMode.None,
                "Smtp:TlsMode None would send Smtp:Password in clear text; it may not be used with Smtp:User in Production.")
            .ValidateOnStart();
        services.AddOptions<NotificationOptions>().Bind(configuration.GetSection(NotificationOptions.SectionName))
            .Validate<IOptions<SmtpOptions>>(
                (notifications, smtp) => string.IsNullOrWhiteSpace(smtp.Value.Host) || IsPublicBaseUrl(notifications.PublicBaseUrl),
                "Notifications:PublicBaseUrl must be the product's public address (such as https://track.example.com) when Smtp:Host is set: e-mails link to it.")
            .Validate(notifications => notifications.PerRecipientPerHour >= 1 && notifications.PerMerchantPerMinute >= 1 && notifications.Parallelism >= 1,
                "Notifications:PerRecipientPerHour, PerMerchantPerMinute and Parallelism must be at least 1.")
            .ValidateOnStart();

        services.AddSingleton<IEmailChannel, EmailChannel>();
        services.AddSingleton<IEmailRenderer, FluidEmailRenderer>();
        services.AddSingleton<IUnsubscribeTokens, UnsubscribeTokens>();
        services.AddSingleton<EmailSenderSignal>();
        services.AddSingleton<SmtpEmailSender>();
        services.AddScoped<INotificationRepository, NotificationRepository>();
        services.AddScoped<IRetentionRule, EmailRetentionRule>();
        services.AddHostedService<EmailSender>();
        return services;
    }

    private static bool IsPublicBaseUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && string.IsNullOrEmpty(uri.Query);
}
