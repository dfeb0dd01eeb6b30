using Mediator;
using Moq;
using OrderTracking.Application.Common.Behaviours;
using OrderTracking.Application.Common.Exceptions;
using OrderTracking.Application.Common.Idempotency;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Domain.Orders;

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
    private readonly Queue<Exception> _saveFailures = new();

    public TransactionBehaviourTests()
    {
        _transactions.Setup(t => t.SaveAsOneAsync(It.IsAny<Func<CancellationToken, Task<string>>>(), It.IsAny<Action<string>>(), It.IsAny<CancellationToken>()))
            .Returns<Func<CancellationToken, Task<string>>, Action<string>, CancellationToken>(async (work, keep, token) =>
            {
                var result = await work(token);
                keep(result);
                _steps.Add("save as one batch");
                return _saveFailures.TryDequeue(out var failure) ? throw failure : result;
            });
        _transactions.Setup(t => t.AfterCommit()).Callback(() => _steps.Add("after commit"));
        _store.Setup(s => s.Keep(Key, It.IsAny<string>())).Callback<IdempotencyKey, string>((_, result) => _steps.Add($"keep {result}"));
        _store.Setup(s => s.FindAsync<string>(Key, It.IsAny<CancellationToken>()))
            .Callback(() => _steps.Add("find"))
            .ReturnsAsync(new IdempotencyClaim<string>(IdempotencyOutcome.Unused));
    }

    private ValueTask<string> Handler<T>(T message, CancellationToken cancellationToken)
    {
        _steps.Add("handler");
        return ValueTask.FromResult("done");
    }

    private TransactionBehaviour<T, string> Behaviour<T>()
        where T : IBaseCommand => new(_transactions.Object, _keys.Object, _store.Object);

    [Fact]
    public async Task A_command_without_a_key_runs_its_handler_then_the_after_commit_hook()
    {
        _keys.Setup(k => k.Key).Returns(Key);

        Assert.Equal("done", await Behaviour<Plain>().Handle(new Plain(), Handler, CancellationToken.None));

        Assert.Equal(["handler", "after commit"], _steps);
    }

    [Fact]
    public async Task An_identified_command_saves_its_work_its_key_and_its_result_in_one_batch_without_looking_the_key_up_first()
    {
        _keys.Setup(k => k.Key).Returns(Key);

        Assert.Equal("done", await Behaviour<Identified>().Handle(new Identified(), Handler, CancellationToken.None));

        Assert.Equal(["handler", "keep done", "save as one batch", "after commit"], _steps);
        _keys.Verify(k => k.Replayed(), Times.Never);
    }

    [Fact]
    public async Task A_repeat_whose_batch_meets_the_committed_key_gets_the_stored_result_and_is_marked_replayed()
    {
        _keys.Setup(k => k.Key).Returns(Key);
        _saveFailures.Enqueue(new DuplicateException("key taken"));
        _store.Setup(s => s.FindAsync<string>(Key, It.IsAny<CancellationToken>())).ReturnsAsync(new IdempotencyClaim<string>(IdempotencyOutcome.Replay, "first"));

        Assert.Equal("first", await Behaviour<Identified>().Handle(new Identified(), Handler, CancellationToken.None));

        _keys.Verify(k => k.Replayed(), Times.Once);
        Assert.Equal("after commit", _steps[^1]);
    }

    [Fact]
    public async Task A_repeat_refused_by_the_change_its_first_use_made_gets_the_first_result()
    {
        _keys.Setup(k => k.Key).Returns(Key);
        _store.Setup(s => s.FindAsync<string>(Key, It.IsAny<CancellationToken>())).ReturnsAsync(new IdempotencyClaim<string>(IdempotencyOutcome.Replay, "first"));

        var result = await Behaviour<Identified>().Handle(
            new Identified(), (_, _) => throw new InvalidTransitionException(OrderStatus.Confirmed, OrderStatus.Confirmed, []), CancellationToken.None);

        Assert.Equal("first", result);
        _keys.Verify(k => k.Replayed(), Times.Once);
    }

    [Fact]
    public async Task A_key_reused_with_another_request_is_refused_and_the_after_commit_hook_still_runs()
    {
        _keys.Setup(k => k.Key).Returns(Key);
        _saveFailures.Enqueue(new DuplicateException("key taken"));
        _store.Setup(s => s.FindAsync<string>(Key, It.IsAny<CancellationToken>())).ReturnsAsync(new IdempotencyClaim<string>(IdempotencyOutcome.Mismatch));

        await Assert.ThrowsAsync<IdempotencyKeyReusedException>(() => Behaviour<Identified>().Handle(new Identified(), Handler, CancellationToken.None).AsTask());

        Assert.Equal("after commit", _steps[^1]);
    }

    [Fact]
    public async Task A_refusal_with_no_earlier_use_of_the_key_is_the_answer()
    {
        _keys.Setup(k => k.Key).Returns(Key);

        await Assert.ThrowsAsync<NotFoundException>(() =>
            Behaviour<Identified>().Handle(new Identified(), (_, _) => throw new NotFoundException("Order", 1), CancellationToken.None).AsTask());

        Assert.Equal(["find", "after commit"], _steps);
    }

    [Fact]
    public async Task A_key_that_met_an_expired_use_runs_once_more_and_no_more()
    {
        _keys.Setup(k => k.Key).Returns(Key);
        _saveFailures.Enqueue(new DuplicateException("expired key"));
        _saveFailures.Enqueue(new DuplicateException("taken again"));

        await Assert.ThrowsAsync<DuplicateException>(() => Behaviour<Identified>().Handle(new Identified(), Handler, CancellationToken.None).AsTask());

        Assert.Equal(2, _steps.Count(s => s == "save as one batch"));
    }

    [Fact]
    public async Task An_idempotent_command_sent_without_a_key_runs_as_a_plain_one()
    {
        Assert.Equal("done", await Behaviour<Identified>().Handle(new Identified(), Handler, CancellationToken.None));

        Assert.Equal(["handler", "after commit"], _steps);
        _store.VerifyNoOtherCalls();
    }
}
