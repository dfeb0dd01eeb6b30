using Moq;
using Microsoft.Extensions.Options;
using OrderTracking.Application.Auth.Commands.Login;
using OrderTracking.Application.Auth.Commands.RefreshSession;
using OrderTracking.Application.Auth.Common;
using OrderTracking.Application.Common.Exceptions;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Users.Commands.CreateUser;
using OrderTracking.Application.Users.Commands.UpdateUser;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Sessions;
using OrderTracking.Domain.Users;

namespace OrderTracking.Application.UnitTests;

public sealed class AuthAndUserHandlerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private readonly Mock<IUserRepository> _users = new();
    private readonly Mock<IPasswordHasher> _hasher = new();
    private readonly Mock<ITokenService> _tokens = new();
    private readonly Mock<IUnitOfWork> _unitOfWork = new();
    private readonly Mock<ISessionRepository> _sessions = new();
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _clock = new(Now);
    private readonly IOptions<SessionOptions> _options = Options.Create(new SessionOptions());

    private LoginCommandHandler Login() => new(
        _users.Object, _hasher.Object, _sessions.Object, new SessionIssuer(_tokens.Object, _sessions.Object, _options, _clock), _unitOfWork.Object, _options, _clock);

    private RefreshSessionCommandHandler Refresh(IRefreshRateLimiter limiter) => new(
        _tokens.Object, _sessions.Object, _users.Object, limiter, new SessionIssuer(_tokens.Object, _sessions.Object, _options, _clock), _unitOfWork.Object, _options, _clock);

    /// <summary>Records the buckets asked for; refuses every one when told to, refilling in 42 s.</summary>
    private sealed class RecordingLimiter(bool allow) : IRefreshRateLimiter
    {
        public List<string> Buckets { get; } = [];

        public bool TryAcquire(string bucket, out TimeSpan? retryAfter)
        {
            Buckets.Add(bucket);
            retryAfter = allow ? null : TimeSpan.FromSeconds(42);
            return allow;
        }
    }

    private SessionFamily SessionWithTokens(params string[] tokens)
    {
        var family = SessionFamily.Start(Guid.NewGuid(), Now, TimeSpan.FromDays(14));
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            byte[] hash = [(byte)(i + 1)];
            _tokens.Setup(t => t.HashRefreshToken(token)).Returns(hash);
            _sessions.Setup(s => s.FindTokenAsync(hash, It.IsAny<CancellationToken>()))
                .ReturnsAsync(((RefreshToken Token, SessionFamily Family)?)(RefreshToken.Issue(family, hash, Now), family));
        }

        return family;
    }

    [Fact]
    public async Task Every_token_of_a_session_draws_from_the_sessions_bucket_and_a_made_up_one_from_its_hash()
    {
        var family = SessionWithTokens("first", "second");
        _tokens.Setup(t => t.HashRefreshToken("made-up")).Returns([0xAB]);
        var limiter = new RecordingLimiter(allow: true);

        foreach (var token in new[] { "first", "second", "made-up" })
        {
            // No user behind the session (or no session at all): each ends in a 401 after drawing from its bucket.
            await Assert.ThrowsAsync<UnauthenticatedException>(() => Refresh(limiter).Handle(new RefreshSessionCommand(token), CancellationToken.None).AsTask());
        }

        var session = "session:" + family.Id.ToString("N");
        Assert.Equal([session, session, "token:AB"], limiter.Buckets);
    }

    [Fact]
    public async Task A_spent_bucket_refuses_with_its_wait_before_the_user_is_read_or_anything_saved()
    {
        SessionWithTokens("first");

        var refused = await Assert.ThrowsAsync<TooManyRequestsException>(() =>
            Refresh(new RecordingLimiter(allow: false)).Handle(new RefreshSessionCommand("first"), CancellationToken.None).AsTask());

        Assert.Equal(TimeSpan.FromSeconds(42), refused.RetryAfter);
        _users.Verify(u => u.FindByIdAsync(It.IsAny<Guid>(), It.IsAny<CancellationToken>()), Times.Never);
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task An_unknown_email_spends_a_dummy_verification_and_gets_the_common_answer()
    {
        var failure = await Assert.ThrowsAsync<UnauthenticatedException>(() => Login().Handle(new LoginCommand("x@example.com", "pw"), CancellationToken.None).AsTask());

        Assert.Equal(LoginCommandHandler.InvalidCredentials, failure.Message);
        _hasher.Verify(h => h.VerifyAgainstDummy("pw"), Times.Once);
        _tokens.Verify(t => t.CreateAccessToken(It.IsAny<User>(), It.IsAny<Guid>()), Times.Never);
    }

    [Fact]
    public async Task A_wrong_password_or_an_inactive_account_gets_the_same_answer()
    {
        var user = User.Create("a@example.com", "A", UserRole.Merchant, "hash", Now);
        _users.Setup(u => u.FindByEmailAsync("a@example.com", It.IsAny<CancellationToken>())).ReturnsAsync(user);
        _hasher.Setup(h => h.Verify("right", "hash")).Returns(true);

        var wrong = await Assert.ThrowsAsync<UnauthenticatedException>(() => Login().Handle(new LoginCommand("A@example.com", "wrong"), CancellationToken.None).AsTask());
        user.Deactivate(Now);
        var inactive = await Assert.ThrowsAsync<UnauthenticatedException>(() => Login().Handle(new LoginCommand("a@example.com", "right"), CancellationToken.None).AsTask());

        Assert.Equal(wrong.Message, inactive.Message);
    }

    [Fact]
    public async Task The_right_password_gets_a_token_for_that_user()
    {
        var user = User.Create("a@example.com", "A", UserRole.Delivery, "hash", Now);
        _users.Setup(u => u.FindByEmailAsync("a@example.com", It.IsAny<CancellationToken>())).ReturnsAsync(user);
        _hasher.Setup(h => h.Verify("right", "hash")).Returns(true);
        _tokens.Setup(t => t.CreateAccessToken(user, It.IsAny<Guid>())).Returns(new AccessToken("jwt", Now.AddMinutes(15), 900));
        _tokens.Setup(t => t.NewRefreshToken()).Returns(("refresh", [1, 2, 3]));
        SessionFamily? family = null;
        _sessions.Setup(s => s.AddFamily(It.IsAny<SessionFamily>())).Callback<SessionFamily>(f => family = f);

        var result = await Login().Handle(new LoginCommand("a@example.com", "right"), CancellationToken.None);

        Assert.Equal(("jwt", "refresh", 900, user.Id), (result.AccessToken, result.RefreshToken, result.ExpiresIn, result.User.Id));
        Assert.Equal((user.Id, Now.AddDays(14)), (family!.UserId, family.ExpiresAt));
        _tokens.Verify(t => t.CreateAccessToken(user, family.Id), Times.Once);
        _sessions.Verify(s => s.AddToken(It.Is<RefreshToken>(t => t.FamilyId == family.Id && t.TokenHash.SequenceEqual(new byte[] { 1, 2, 3 }))), Times.Once);
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Wrong_passwords_count_towards_a_lockout_that_refuses_even_the_right_password()
    {
        var user = User.Create("a@example.com", "A", UserRole.Merchant, "hash", Now);
        _users.Setup(u => u.FindByEmailAsync("a@example.com", It.IsAny<CancellationToken>())).ReturnsAsync(user);
        _hasher.Setup(h => h.Verify("right", "hash")).Returns(true);

        for (var i = 0; i < 5; i++)
        {
            await Assert.ThrowsAsync<UnauthenticatedException>(() => Login().Handle(new LoginCommand("a@example.com", "wrong"), CancellationToken.None).AsTask());
        }

        Assert.True(user.IsLockedOut(Now));
        await Assert.ThrowsAsync<UnauthenticatedException>(() => Login().Handle(new LoginCommand("a@example.com", "right"), CancellationToken.None).AsTask());
        _tokens.Verify(t => t.CreateAccessToken(It.IsAny<User>(), It.IsAny<Guid>()), Times.Never);
        _clock.Advance(TimeSpan.FromMinutes(16));
        _tokens.Setup(t => t.CreateAccessToken(user, It.IsAny<Guid>())).Returns(new AccessToken("jwt", Now.AddMinutes(15), 900));
        _tokens.Setup(t => t.NewRefreshToken()).Returns(("refresh", [1]));
        Assert.Equal("jwt", (await Login().Handle(new LoginCommand("a@example.com", "right"), CancellationToken.None)).AccessToken);
    }

    [Fact]
    public void The_login_command_never_prints_its_password() =>
        Assert.DoesNotContain("hunter2", new LoginCommand("a@example.com", "hunter2").ToString());

    [Fact]
    public async Task A_taken_email_is_a_duplicate_and_nothing_is_saved()
    {
        _users.Setup(u => u.EmailExistsAsync("a@example.com", It.IsAny<CancellationToken>())).ReturnsAsync(true);
        var handler = new CreateUserCommandHandler(_users.Object, _hasher.Object, _unitOfWork.Object, _clock);

        await Assert.ThrowsAsync<DuplicateException>(() => handler.Handle(new CreateUserCommand(" A@Example.com", "Password1!", "A", UserRole.Admin), CancellationToken.None).AsTask());
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task A_new_user_gets_a_hashed_password()
    {
        _hasher.Setup(h => h.Hash("Password1!")).Returns("bcrypt-hash");
        User? added = null;
        _users.Setup(u => u.Add(It.IsAny<User>())).Callback<User>(u => added = u);
        var handler = new CreateUserCommandHandler(_users.Object, _hasher.Object, _unitOfWork.Object, _clock);

        var dto = await handler.Handle(new CreateUserCommand("a@example.com", "Password1!", "A", UserRole.Merchant), CancellationToken.None);

        Assert.Equal("bcrypt-hash", added!.PasswordHash);
        Assert.Equal((added.Id, UserRole.Merchant), (dto.Id, dto.Role));
    }

    [Fact]
    public async Task An_admin_cannot_deactivate_or_demote_itself()
    {
        var admin = User.Create("admin@example.com", "Admin", UserRole.Admin, "hash", Now);
        _users.Setup(u => u.FindByIdAsync(admin.Id, It.IsAny<CancellationToken>())).ReturnsAsync(admin);
        var handler = new UpdateUserCommandHandler(Mock.Of<ICurrentActor>(c => c.Actor == admin.AsActor()), _users.Object, _sessions.Object, _hasher.Object, Mock.Of<IWebhookRepository>(), _unitOfWork.Object, Mock.Of<ISessionEndNotifier>(), _clock);

        await Assert.ThrowsAsync<DomainRuleException>(() => handler.Handle(new UpdateUserCommand(admin.Id, null, null, false, null), CancellationToken.None).AsTask());
        await Assert.ThrowsAsync<DomainRuleException>(() => handler.Handle(new UpdateUserCommand(admin.Id, null, UserRole.Merchant, null, null), CancellationToken.None).AsTask());
        Assert.True(admin.IsActive);
    }
}
