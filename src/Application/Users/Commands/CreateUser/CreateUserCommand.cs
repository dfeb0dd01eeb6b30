using FluentValidation;
using Mediator;
using OrderTracking.Application.Common.Exceptions;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Common.Security;
using OrderTracking.Application.Users.Common;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Users;

namespace OrderTracking.Application.Users.Commands.CreateUser;

/// <summary>An admin opens an account. Nobody can open one without being signed in as an admin.</summary>
[Authorize(ActorType.Admin)]
public sealed record CreateUserCommand(string? Email, string? Password, string? DisplayName, UserRole? Role) : ICommand<UserDto>
{
    public override string ToString() => $"CreateUserCommand {{ Email = {Email}, Role = {Role} }}";
}

public sealed class CreateUserCommandValidator : AbstractValidator<CreateUserCommand>
{
    public CreateUserCommandValidator()
    {
        RuleFor(c => c.Email).Cascade(CascadeMode.Stop).NotEmpty().MaximumLength(User.MaxEmailLength).EmailAddress();
        RuleFor(c => c.Password).ValidPassword();
        RuleFor(c => c.DisplayName).Cascade(CascadeMode.Stop).NotEmpty().MaximumLength(User.MaxDisplayNameLength);
        RuleFor(c => c.Role).NotNull().IsInEnum();
    }
}

public sealed class CreateUserCommandHandler(
    IUserRepository users,
    IPasswordHasher passwordHasher,
    IUnitOfWork unitOfWork,
    TimeProvider timeProvider) : ICommandHandler<CreateUserCommand, UserDto>
{
    public async ValueTask<UserDto> Handle(CreateUserCommand command, CancellationToken cancellationToken)
    {
        var email = User.NormalizeEmail(command.Email!);
        if (await users.EmailExistsAsync(email, cancellationToken))
        {
            throw new DuplicateException("A user with this email already exists.");
        }

        var user = User.Create(email, command.DisplayName!, command.Role!.Value, passwordHasher.Hash(command.Password!), timeProvider.GetUtcNow());
        users.Add(user);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return user.ToDto();
    }
}
