using Mediator;
using Moq;
using OrderTracking.Application.Common.Behaviours;
using OrderTracking.Application.Common.Exceptions;
using OrderTracking.Application.Common.Idempotency;
using OrderTracking.Application.Common.Interfaces;

namespace OrderTracking.Application.UnitTests;

public sealed class TransactionBehaviourTests
{
    public sealed record Identified : ICommand<string>, IIdempotentCommand;

    public sealed record Plain : ICommand<string>;

    private static readonly IdempotencyKey Key = new("Merchant:1", "key-1", "hash");

    private readonly Mock<ICommandTransactions> _transactions = new();
    private readonly Mock<IIdempotencyKeySource> _keys = new();
    private readonly Mock<IIdempotencyStore> _store = new();
    private readonly List<string> _steps = [];

    public TransactionBehaviourTests()
    {
        _transactions.Setup(t => t.InTransactionAsync(It.IsAny<Func<CancellationToken, Task<string>>>(), It.IsAny<CancellationToken>()))
            .Returns<Func<CancellationToken, Task<string>>, CancellationToken>(async (work, token) =>
            {
                _steps.Add("begin");
                var result = await work(token);
                _steps.Add("commit");
                return result;
            });
        _transactions.Setup(t => t.AfterCommit()).Callback(() => _steps.Add("after commit"));
        _store.Setup(s => s.StoreResultAsync(Key, It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Callback<IdempotencyKey, string, CancellationToken>((_, result, _) => _steps.Add($"store {result}"))
            .Returns(Task.CompletedTask);
    }

    private ValueTask<string> Handler<T>(T message, CancellationToken cancellationToken)
    {
        _steps.Add("handler");
        return ValueTask.FromResult("done");
    }

    private TransactionBehaviour<T, string> Behaviour<T>()
        where T : IBaseCommand => new(_transactions.Object, _keys.Object, _store.Object);

    [Fact]
    public async Task A_command_without_a_key_runs_its_handler_without_an_explicit_transaction_then_the_after_commit_hook()
    {
        _keys.Setup(k => k.Key).Returns(Key);

        Assert.Equal("done", await Behaviour<Plain>().Handle(new Plain(), Handler, CancellationToken.None));

        Assert.Equal(["handler", "after commit"], _steps);
    }

    [Fact]
    public async Task An_identified_command_claims_its_key_does_the_work_and_stores_the_result_in_one_transaction()
    {
        _keys.Setup(k => k.Key).Returns(Key);
        _store.Setup(s => s.ClaimAsync<string>(Key, It.IsAny<CancellationToken>()))
            .Callback(() => _steps.Add("claim"))
            .ReturnsAsync(new IdempotencyClaim<string>(IdempotencyOutcome.Owned));

        Assert.Equal("done", await Behaviour<Identified>().Handle(new Identified(), Handler, CancellationToken.None));

        Assert.Equal(["begin", "claim", "handler", "store done", "commit", "after commit"], _steps);
    }

    [Fact]
    public async Task A_repeat_gets_the_stored_result_without_running_the_handler_and_is_marked_replayed()
    {
        _keys.Setup(k => k.Key).Returns(Key);
        _store.Setup(s => s.ClaimAsync<string>(Key, It.IsAny<CancellationToken>())).ReturnsAsync(new IdempotencyClaim<string>(IdempotencyOutcome.Replay, "first"));

        Assert.Equal("first", await Behaviour<Identified>().Handle(new Identified(), Handler, CancellationToken.None));

        Assert.DoesNotContain("handler", _steps);
        _keys.Verify(k => k.Replayed(), Times.Once);
    }

    [Fact]
    public async Task A_key_reused_with_another_request_is_refused_and_the_after_commit_hook_still_runs()
    {
        _keys.Setup(k => k.Key).Returns(Key);
        _store.Setup(s => s.ClaimAsync<string>(Key, It.IsAny<CancellationToken>())).ReturnsAsync(new IdempotencyClaim<string>(IdempotencyOutcome.Mismatch));

        await Assert.ThrowsAsync<IdempotencyKeyReusedException>(() => Behaviour<Identified>().Handle(new Identified(), Handler, CancellationToken.None).AsTask());

        Assert.DoesNotContain("handler", _steps);
        Assert.Equal("after commit", _steps[^1]);
    }

    [Fact]
    public async Task An_idempotent_command_sent_without_a_key_runs_as_a_plain_one()
    {
        Assert.Equal("done", await Behaviour<Identified>().Handle(new Identified(), Handler, CancellationToken.None));

        Assert.Equal(["handler", "after commit"], _steps);
        _store.VerifyNoOtherCalls();
    }
}
