using System.Diagnostics;
using Mediator;
using Microsoft.Extensions.Logging;

namespace OrderTracking.Application.Common.Behaviours;

/// <summary>
/// First in the pipeline: logs which request ran, for whom and how long it took. It logs the request's
/// type, never its content, because requests carry passwords and customers' personal data.
/// </summary>
public sealed partial class LoggingBehaviour<TMessage, TResponse>(
    ILogger<LoggingBehaviour<TMessage, TResponse>> logger,
    Interfaces.ICurrentActor currentActor) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var response = await next(message, cancellationToken);
        // Production logs at Warning: then the entry's arguments (the actor type's name is a new string) are not built.
        if (logger.IsEnabled(LogLevel.Information))
        {
            LogHandled(logger, typeof(TMessage).Name, currentActor.Actor?.Type.ToString() ?? "Anonymous", currentActor.Actor?.Id, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return response;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Handled {Request} for {ActorType} {ActorId} in {ElapsedMs:0.0} ms")]
    private static partial void LogHandled(ILogger logger, string request, string actorType, Guid? actorId, double elapsedMs);
}
