using Mediator;
using OrderTracking.Application.Common.Exceptions;
using OrderTracking.Application.Common.Idempotency;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Common.Telemetry;

namespace OrderTracking.Application.Common.Behaviours;

/// <summary>
/// The one owner of a command's transaction, innermost in the pipeline so that a refused or invalid command never
/// opens one. A command without an idempotency key needs no explicit transaction: its handler saves once, and that
/// save is one batch that PostgreSQL runs as one transaction. A command sent with a key (eShop's identified command)
/// runs in one transaction that claims the key first, then does the work and stores its result: the three commit
/// together or not at all, and a repeat gets the stored result instead of running again. After the commit, and only
/// then, the after-commit hook announces and counts what was committed. Queries never pass here.
/// </summary>
public sealed class TransactionBehaviour<TMessage, TResponse>(
    ICommandTransactions transactions,
    IIdempotencyKeySource keys,
    IIdempotencyStore idempotency) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IBaseCommand
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        try
        {
            return message is IIdempotentCommand && keys.Key is { } key
                ? await transactions.InTransactionAsync(token => IdentifiedAsync(message, key, next, token), cancellationToken)
                : await next(message, cancellationToken);
        }
        finally
        {
            // Also after a failure: a command may commit a save and then fail (a refused sign-in counts its attempt).
            transactions.AfterCommit();
        }
    }

    private async Task<TResponse> IdentifiedAsync(TMessage message, IdempotencyKey key, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var claim = await idempotency.ClaimAsync<TResponse>(key, cancellationToken);
        switch (claim.Outcome)
        {
            case IdempotencyOutcome.Replay:
                keys.Replayed();
                OrderTrackingTelemetry.IdempotentReplay();
                return claim.Result!;
            case IdempotencyOutcome.Mismatch:
                throw new IdempotencyKeyReusedException();
        }

        var response = await next(message, cancellationToken);
        await idempotency.StoreResultAsync(key, response, cancellationToken);
        return response;
    }
}
