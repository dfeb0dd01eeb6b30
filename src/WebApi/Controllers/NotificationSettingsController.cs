using Mediator;
using Microsoft.AspNetCore.Mvc;
using OrderTracking.Application.Notifications.Commands.PauseNotifications;
using OrderTracking.Application.Notifications.Commands.SaveNotificationSettings;
using OrderTracking.Application.Notifications.Commands.SendTestEmail;
using OrderTracking.Application.Notifications.Common;
using OrderTracking.Application.Notifications.Queries.GetNotificationSettings;
using OrderTracking.Application.Notifications.Queries.PreviewCustomerEmail;
using OrderTracking.WebApi.Contracts;
using OrderTracking.WebApi.Filters;

namespace OrderTracking.WebApi.Controllers;

/// <summary>Customer e-mails: what a merchant's customers are e-mailed about and how the e-mails look; a merchant manages its own, an admin any merchant's.</summary>
[Route("api/merchants/{merchantId:guid}/notification-settings")]
public sealed class NotificationSettingsController(IMediator mediator) : ApiControllerBase
{
    /// <summary>The merchant's e-mail settings; a merchant that never saved them gets the defaults (off, every event chosen).</summary>
    [HttpGet]
    [ProducesResponseType<NotificationSettingsDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<NotificationSettingsDto> Get(Guid merchantId, CancellationToken cancellationToken) =>
        await mediator.Send(new GetNotificationSettingsQuery(merchantId), cancellationToken);

    /// <summary>Replaces the merchant's e-mail settings (an admin's pause stays as it is).</summary>
    [HttpPut]
    [Sends<SaveNotificationSettingsCommand>]
    [ProducesResponseType<NotificationSettingsDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<NotificationSettingsDto> Save(Guid merchantId, NotificationSettingsRequest request, CancellationToken cancellationToken) =>
        await mediator.Send(
            new SaveNotificationSettingsCommand(
                merchantId, request.Enabled, request.Events, request.SenderName, request.ReplyTo, request.AccentColour, request.LogoUrl, request.Language, request.TimeZone),
            cancellationToken);

    /// <summary>Admins: pauses (or resumes) the merchant's customer e-mails; pausing withholds those still waiting.</summary>
    [HttpPut("pause")]
    [Sends<PauseNotificationsCommand>]
    [ProducesResponseType<NotificationSettingsDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<NotificationSettingsDto> Pause(Guid merchantId, PauseNotificationsRequest request, CancellationToken cancellationToken) =>
        await mediator.Send(new PauseNotificationsCommand(merchantId, request.Paused, request.Reason), cancellationToken);

    /// <summary>The e-mail a customer would get for an event, with sample data and the look given (unsaved changes included). Nothing is sent.</summary>
    [HttpPost("preview")]
    [Sends<PreviewCustomerEmailQuery>]
    [ProducesResponseType<EmailPreviewDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<EmailPreviewDto> Preview(Guid merchantId, EmailPreviewRequest request, CancellationToken cancellationToken) =>
        await mediator.Send(
            new PreviewCustomerEmailQuery(merchantId, request.Event, request.SenderName, request.ReplyTo, request.AccentColour, request.LogoUrl, request.Language, request.TimeZone),
            cancellationToken);

    /// <summary>Sends the e-mail for an event, with sample data and the saved look, to the merchant's own account address; 409 when this server sends no e-mail or the merchant is paused.</summary>
    [HttpPost("test")]
    [Sends<SendTestEmailCommand>]
    [ProducesResponseType<TestEmailDto>(StatusCodes.Status202Accepted)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    public async Task<ActionResult<TestEmailDto>> SendTest(Guid merchantId, TestEmailRequest request, CancellationToken cancellationToken) =>
        Accepted(await mediator.Send(new SendTestEmailCommand(merchantId, request.Event), cancellationToken));
}
