using OrderTracking.Domain.Common;

namespace OrderTracking.Domain.Users;

/// <summary>A person who signs in with email and password: an admin, a merchant or a courier.</summary>
public sealed class User
{
    public const int MaxEmailLength = 254;
    public const int MaxDisplayNameLength = 200;

    private User()
    {
        Email = string.Empty;
        DisplayName = string.Empty;
        PasswordHash = string.Empty;
    }

    public Guid Id { get; private set; }
    public string Email { get; private set; }
    public string DisplayName { get; private set; }
    public UserRole Role { get; private set; }
    public string PasswordHash { get; private set; }
    public bool IsActive { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Failed sign-ins counted in the current window, which opened at <see cref="FailedSignInWindowStart"/>.</summary>
    public int FailedSignInCount { get; private set; }

    public DateTimeOffset? FailedSignInWindowStart { get; private set; }
    public DateTimeOffset? LockedUntil { get; private set; }

    /// <summary>
    /// Moves on with every change that must end the user's sessions: a deactivation, a role change, a password
    /// reset. Access tokens carry the value they were issued with and are refused once it has moved on.
    /// </summary>
    public int SessionVersion { get; private set; }

    /// <summary>Optimistic-concurrency token, so concurrent failed sign-ins are all counted.</summary>
    public uint Version { get; private set; }

    public static User Create(string email, string displayName, UserRole role, string passwordHash, DateTimeOffset now)
    {
        var user = new User
        {
            Id = Guid.CreateVersion7(now),
            Email = NormalizeEmail(email),
            Role = role,
            IsActive = true,
            CreatedAt = now,
        };
        user.Rename(displayName, now);
        user.ChangePasswordHash(passwordHash, now);
        return user;
    }

    /// <summary>Emails are compared case-insensitively; they are stored trimmed and lower-cased.</summary>
    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();

    public ActorType ActorType => Role switch
    {
        UserRole.Admin => ActorType.Admin,
        UserRole.Merchant => ActorType.Merchant,
        _ => ActorType.Delivery,
    };

    public Actor AsActor() => new(ActorType, Id, DisplayName);

    public void Rename(string displayName, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(displayName) || displayName.Length > MaxDisplayNameLength)
        {
            throw new DomainValidationException(nameof(DisplayName), $"A display name is required and at most {MaxDisplayNameLength} characters.");
        }

        DisplayName = displayName.Trim();
        UpdatedAt = now;
    }

    /// <summary>A new role ends the user's sessions: tokens issued for the old role stop working.</summary>
    public void ChangeRole(UserRole role, DateTimeOffset now)
    {
        if (role == Role)
        {
            return;
        }

        Role = role;
        EndSessions(now);
    }

    public void Activate(DateTimeOffset now)
    {
        if (IsActive)
        {
            return;
        }

        IsActive = true;
        UpdatedAt = now;
    }

    /// <summary>A deactivated account keeps no session.</summary>
    public void Deactivate(DateTimeOffset now)
    {
        if (!IsActive)
        {
            return;
        }

        IsActive = false;
        EndSessions(now);
    }

    public UserSessionState SessionState => new(IsActive, SessionVersion);

    private void EndSessions(DateTimeOffset now)
    {
        SessionVersion++;
        UpdatedAt = now;
    }

    public bool IsLockedOut(DateTimeOffset now) => LockedUntil > now;

    /// <summary>Counts a failed sign-in; the one that reaches the policy's limit locks the account.</summary>
    public void RecordFailedSignIn(LockoutPolicy policy, DateTimeOffset now)
    {
        if (IsLockedOut(now))
        {
            return;
        }

        if (FailedSignInWindowStart is not { } start || now - start > policy.Window)
        {
            FailedSignInWindowStart = now;
            FailedSignInCount = 0;
        }

        FailedSignInCount++;
        if (FailedSignInCount >= policy.MaxFailures)
        {
            LockedUntil = now + policy.Duration;
            FailedSignInCount = 0;
            FailedSignInWindowStart = null;
        }
    }

    public void RecordSuccessfulSignIn()
    {
        FailedSignInCount = 0;
        FailedSignInWindowStart = null;
        LockedUntil = null;
    }

    /// <summary>A password reset by an admin also lifts a lockout, and ends the user's sessions.</summary>
    public void ResetPassword(string passwordHash, DateTimeOffset now)
    {
        ChangePasswordHash(passwordHash, now);
        RecordSuccessfulSignIn();
        EndSessions(now);
    }

    public void ChangePasswordHash(string passwordHash, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(passwordHash))
        {
            throw new DomainValidationException(nameof(PasswordHash), "A password hash is required.");
        }

        PasswordHash = passwordHash;
        UpdatedAt = now;
    }
}
