using Mediator;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Notifications.Common;
using OrderTracking.Domain.Notifications;

namespace OrderTracking.Application.Notifications.Commands.Unsubscribe;

/// <summary>
/// Stops the e-mails an unsubscribe link names (one order, or every order of its merchant) for its address, at once:
/// e-mails already waiting are withheld. Anyone holding the link may do it; doing it again changes nothing.
/// </summary>
public sealed record UnsubscribeCommand(string? Token) : ICommand<UnsubscribeDto>;

public sealed class UnsubscribeCommandHandler(IUnsubscribeTokens tokens, INotificationRepository notifications, IOrderQueries orders, TimeProvider timeProvider)
    : ICommandHandler<UnsubscribeCommand, UnsubscribeDto>
{
    public async ValueTask<UnsubscribeDto> Handle(UnsubscribeCommand command, CancellationToken cancellationToken)
    {
        var scope = UnsubscribeLinks.Read(tokens, command.Token);
        await notifications.SuppressAsync(EmailSuppression.For(scope, timeProvider.GetUtcNow()), cancellationToken);
        return await UnsubscribeLinks.DescribeAsync(scope, notifications, orders, cancellationToken);
    }
}
