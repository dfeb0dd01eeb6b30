using FluentValidation;
using Mediator;
using OrderTracking.Application.Common.Exceptions;
using OrderTracking.Application.Common.Idempotency;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Common.Telemetry;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Orders;

namespace OrderTracking.Application.Common.Behaviours;

/// <summary>
/// The one owner of how a command's work is saved, innermost in the pipeline so that a refused or invalid command
/// never reaches it. A command's handler saves once, and that save is one batch that PostgreSQL runs as one
/// transaction. A command sent with a key (eShop's identified command) saves its work, its key and its result in that
/// one batch, so the three commit together or not at all: of two requests with one key only one batch can commit,
/// and the other, refused on the key (or by the change the first one made), gets the first one's result. After the
/// commit, and only then, the after-commit hook announces and counts what was committed. Queries never pass here.
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
                ? await IdentifiedAsync(message, key, next, cancellationToken)
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
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await transactions.SaveAsOneAsync(
                    async token => await next(message, token),
                    response => idempotency.Keep(key, response),
                    cancellationToken);
            }
            catch (Exception refusal) when (MayBeAnEarlierUsesDoing(refusal))
            {
                var earlier = await idempotency.FindAsync<TResponse>(key, cancellationToken);
                switch (earlier.Outcome)
                {
                    case IdempotencyOutcome.Replay:
                        keys.Replayed();
                        OrderTrackingTelemetry.IdempotentReplay();
                        return earlier.Result!;
                    case IdempotencyOutcome.Mismatch:
                        throw new IdempotencyKeyReusedException();
                    case IdempotencyOutcome.Unused when refusal is DuplicateException && attempt == 1:
                        // The key's earlier use had outlived the retention (it is deleted now), or another unique value
                        // met its twin (a new tracking code): the whole unit once more.
                        continue;
                }

                throw;
            }
        }
    }

    /// <summary>
    /// A refusal that a committed earlier use of the key can cause: its batch took the key (the INSERT under the key
    /// failed), or this repeat found its change already made (an illegal move now, a lost race, an order that left the
    /// caller's view). A repeat is refused by nothing else than the first request was, so any refusal is looked up.
    /// </summary>
    private static bool MayBeAnEarlierUsesDoing(Exception exception) =>
        exception is DuplicateException or ConcurrencyConflictException or NotFoundException or ForbiddenAccessException
            or ValidationException or DomainRuleException or DomainValidationException or OrderActionForbiddenException;
}
