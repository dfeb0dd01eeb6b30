using OrderTracking.Application.Common.Validation;
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
        RuleFor(c => c.Email).RequiredText(User.MaxEmailLength, "the email address")
            .EmailAddress().WithMessage("Enter an email address such as name@example.com.");
        RuleFor(c => c.Password).ValidPassword();
        RuleFor(c => c.DisplayName).RequiredText(User.MaxDisplayNameLength, "the name");
        RuleFor(c => c.Role).NotNull().WithMessage("Choose a role.").IsInEnum().WithMessage("Choose a role.");
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
