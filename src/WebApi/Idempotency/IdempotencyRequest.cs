using OrderTracking.Application.Common.Idempotency;
using OrderTracking.Application.Common.Interfaces;

namespace OrderTracking.WebApi.Idempotency;

/// <summary>The current request's <c>Idempotency-Key</c>, as <see cref="IdempotencyFilter"/> read and fingerprinted it.</summary>
public sealed class IdempotencyRequest : IIdempotencyKeySource
{
    public IdempotencyKey? Key { get; set; }

    public bool WasReplayed { get; private set; }

    public void Replayed() => WasReplayed = true;
}
