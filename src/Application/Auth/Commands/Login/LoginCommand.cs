using FluentValidation;
using Mediator;
using OrderTracking.Application.Common.Exceptions;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Users.Common;
using OrderTracking.Domain.Users;

namespace OrderTracking.Application.Auth.Commands.Login;

/// <summary>Signs in with email and password.</summary>
public sealed record LoginCommand(string? Email, string? Password) : ICommand<LoginResult>
{
    /// <summary>Keeps the password out of any log or debugger view that prints the record.</summary>
    public override string ToString() => $"LoginCommand {{ Email = {Email} }}";
}

/// <summary>The tokens of a new session and who it is for.</summary>
public sealed record LoginResult(string AccessToken, string? RefreshToken, int ExpiresIn, UserDto User);

public sealed class LoginCommandValidator : AbstractValidator<LoginCommand>
{
    public LoginCommandValidator()
    {
        RuleFor(c => c.Email).NotEmpty().MaximumLength(User.MaxEmailLength);
        RuleFor(c => c.Password).NotEmpty().MaximumLength(1024);
    }
}

public sealed class LoginCommandHandler(IUserRepository users, IPasswordHasher passwordHasher, ITokenService tokens)
    : ICommandHandler<LoginCommand, LoginResult>
{
    /// <summary>One answer for every failure, so a caller cannot learn which emails have accounts.</summary>
    public const string InvalidCredentials = "The email or password is incorrect.";

    public async ValueTask<LoginResult> Handle(LoginCommand command, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(User.NormalizeEmail(command.Email!), cancellationToken);
        if (user is null)
        {
            passwordHasher.VerifyAgainstDummy(command.Password!);
            throw new UnauthenticatedException(InvalidCredentials);
        }

        if (!passwordHasher.Verify(command.Password!, user.PasswordHash) || !user.IsActive)
        {
            throw new UnauthenticatedException(InvalidCredentials);
        }

        var access = tokens.CreateAccessToken(user);
        return new LoginResult(access.Token, null, access.ExpiresInSeconds, user.ToDto());
    }
}
