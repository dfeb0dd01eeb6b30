using Mediator;
using OrderTracking.Application.Common.Interfaces;

namespace OrderTracking.Application.Common.Behaviours;

/// <summary>
/// Innermost for queries: a transient database fault runs the whole query again. Retrying each statement instead (EF
/// Core's strategy on its own) makes EF Core read every result into a buffer before the first row, so that it could run
/// the statement again; a query retried whole reads its rows as they come. A query has no effect to repeat. Commands keep
/// the statement-by-statement retries around their saves (see TransactionBehaviour), where a repeat must not run twice.
/// </summary>
public sealed class QueryRetryBehaviour<TMessage, TResponse>(IQueryRetries retries) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IBaseQuery
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken) =>
        await retries.RetryingAsync(async token => await next(message, token), cancellationToken);
}
