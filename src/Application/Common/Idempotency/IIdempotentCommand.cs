namespace OrderTracking.Application.Common.Idempotency;

/// <summary>
/// A command that honours an idempotency key: sent with one, it runs at most once per key and caller, and a repeat gets
/// the first result (see <see cref="Behaviours.TransactionBehaviour{TMessage, TResponse}"/>). Its result must be one the
/// idempotency store can keep.
/// </summary>
public interface IIdempotentCommand;
