using OrderTracking.Application.Common.Validation;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;
using OrderTracking.Application.Auth.Common;
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

/// <summary>
/// The tokens of a session and who it is for. Send the refresh token to /api/auth/refresh before the access token
/// expires. <see cref="RefreshToken"/> is null when the client asked for the cookie transport: it is then in an HttpOnly cookie.
/// </summary>
public sealed record LoginResult(string AccessToken, string? RefreshToken, int ExpiresIn, UserDto User)
{
    public override string ToString() => $"LoginResult {{ User = {User.Id}, ExpiresIn = {ExpiresIn} }}";
}

public sealed class LoginCommandValidator : AbstractValidator<LoginCommand>
{
    public LoginCommandValidator()
    {
        RuleFor(c => c.Email).RequiredText(User.MaxEmailLength, "your email address");
        RuleFor(c => c.Password).RequiredText(1024, "your password");
    }
}

/// <summary>
/// Every failure gets one answer, and an unknown email costs the same bcrypt work as a known one, so nobody
/// can learn which emails have accounts. Failures count towards a lockout; a locked account is refused even
/// with the right password until the lockout ends or an admin resets the password.
/// </summary>
public sealed class LoginCommandHandler(
    IUserRepository users,
    IPasswordHasher passwordHasher,
    ISessionRepository sessions,
    SessionIssuer sessionIssuer,
    IUnitOfWork unitOfWork,
    IOptions<SessionOptions> options,
    TimeProvider timeProvider) : ICommandHandler<LoginCommand, LoginResult>
{
    public const string InvalidCredentials = "The email or password is incorrect, or the account is locked for a while after too many attempts.";

    public async ValueTask<LoginResult> Handle(LoginCommand command, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(User.NormalizeEmail(command.Email!), cancellationToken);
        if (user is null)
        {
            passwordHasher.VerifyAgainstDummy(command.Password!);
            throw new UnauthenticatedException(InvalidCredentials);
        }

        var passwordMatches = passwordHasher.Verify(command.Password!, user.PasswordHash);
        if (!passwordMatches && user.IsActive)
        {
            await RecordFailureAsync(user, cancellationToken);
        }

        if (!passwordMatches || !user.IsActive || user.IsLockedOut(timeProvider.GetUtcNow()))
        {
            throw new UnauthenticatedException(InvalidCredentials);
        }

        user.RecordSuccessfulSignIn();
        var family = sessionIssuer.StartFamily(user);
        sessions.AddFamily(family);
        var result = sessionIssuer.Issue(user, family);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return result;
    }

    /// <summary>Counts the failure; retried on a concurrent update so parallel guesses are all counted.</summary>
    private async Task RecordFailureAsync(User user, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            user.RecordFailedSignIn(options.Value.Lockout, timeProvider.GetUtcNow());
            try
            {
                await unitOfWork.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (ConcurrencyConflictException) when (attempt < 5)
            {
                await users.ReloadAsync(user, cancellationToken);
            }
        }
    }
}
