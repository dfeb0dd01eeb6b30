using FluentValidation;
using Mediator;
using Moq;
using OrderTracking.Application.Common.Behaviours;
using OrderTracking.Application.Common.Exceptions;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Common.Security;
using OrderTracking.Domain.Common;

namespace OrderTracking.Application.UnitTests;

public sealed class PipelineBehaviourTests
{
    [Authorize(ActorType.Admin)]
    public sealed record AdminOnly(string? Name) : ICommand<string>;

    public sealed record Anyone : IQuery<string>;

    private sealed class NameValidator : AbstractValidator<AdminOnly>
    {
        public NameValidator()
        {
            RuleFor(c => c.Name).NotEmpty();
        }
    }

    private sealed class LengthValidator : AbstractValidator<AdminOnly>
    {
        public LengthValidator()
        {
            RuleFor(c => c.Name).MinimumLength(3);
            RuleFor(c => c).Must(_ => false).WithName("Other");
        }
    }

    private static ValueTask<string> Handler<T>(T message, CancellationToken ct) => ValueTask.FromResult("handled");

    private static ICurrentActor As(Actor? actor) => Mock.Of<ICurrentActor>(c => c.Actor == actor);

    [Fact]
    public async Task Requests_declaring_roles_refuse_anonymous_callers_with_401_and_other_roles_with_403()
    {
        var anonymous = new AuthorizationBehaviour<AdminOnly, string>(As(null));
        var merchant = new AuthorizationBehaviour<AdminOnly, string>(As(new Actor(ActorType.Merchant, Guid.NewGuid(), "M")));
        var admin = new AuthorizationBehaviour<AdminOnly, string>(As(new Actor(ActorType.Admin, Guid.NewGuid(), "A")));

        await Assert.ThrowsAsync<UnauthenticatedException>(() => anonymous.Handle(new AdminOnly("x"), Handler, CancellationToken.None).AsTask());
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => merchant.Handle(new AdminOnly("x"), Handler, CancellationToken.None).AsTask());
        Assert.Equal("handled", await admin.Handle(new AdminOnly("x"), Handler, CancellationToken.None));
    }

    [Fact]
    public async Task Requests_without_the_attribute_are_open_to_anyone() =>
        Assert.Equal("handled", await new AuthorizationBehaviour<Anyone, string>(As(null)).Handle(new Anyone(), Handler, CancellationToken.None));

    [Fact]
    public async Task Validation_reports_every_failure_of_every_validator_and_skips_the_handler()
    {
        var called = false;
        var behaviour = new ValidationBehaviour<AdminOnly, string>([new NameValidator(), new LengthValidator()]);

        var failure = await Assert.ThrowsAsync<ValidationException>(() => behaviour.Handle(new AdminOnly(string.Empty), (m, ct) =>
        {
            called = true;
            return ValueTask.FromResult("handled");
        }, CancellationToken.None).AsTask());

        Assert.False(called);
        Assert.Equal(["Name", "Name", "Other"], failure.Errors.Select(e => e.PropertyName).Order());
    }
}
