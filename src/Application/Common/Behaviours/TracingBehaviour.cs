using System.Diagnostics;
using Mediator;
using OrderTracking.Application.Common.Telemetry;

namespace OrderTracking.Application.Common.Behaviours;

/// <summary>
/// Outermost in the pipeline: one span per mediator request, named after the request type, between the HTTP span
/// and the SQL spans, so a trace shows which use case a request ran and where its time went. Without a listener
/// (no tracing configured) <see cref="ActivitySource.StartActivity(string, ActivityKind)"/> returns null and this
/// costs one check.
/// </summary>
public sealed class TracingBehaviour<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    private static readonly string SpanName = typeof(TMessage).Name;

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        using var activity = OrderTrackingTelemetry.ActivitySource.StartActivity(SpanName, ActivityKind.Internal);
        if (activity is null)
        {
            return await next(message, cancellationToken);
        }

        activity.SetTag("ordertracking.request", SpanName);
        try
        {
            return await next(message, cancellationToken);
        }
        catch (Exception exception)
        {
            // The outcome, not the message: exception messages may carry personal data.
            activity.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            throw;
        }
    }
}
