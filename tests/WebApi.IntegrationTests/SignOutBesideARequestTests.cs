using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OrderTracking.Domain.Users;
using OrderTracking.Infrastructure.Persistence;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>
/// A request of the same session that read the session state just before a sign-out committed, and kept it after the
/// instance forgot its copy, must not put the old answer back in the instance's cache: the next request after the
/// sign-out is refused, as <see cref="SignOutTests"/> promises, not accepted for the cache's lifetime. The test holds
/// that request's read between the database's answer and the cache, so the order of events is fixed.
/// </summary>
public sealed class SignOutBesideARequestTests(SignOutBesideARequestTests.Factory api) : IClassFixture<SignOutBesideARequestTests.Factory>
{
    public sealed class Factory : ApiFactory
    {
        public HeldSessionRead HeldRead { get; } = new();

        // The longest the check may keep an answer, so an answer put back would still be there for the next request.
        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Sessions:AccessCheckCacheSeconds"] = "5" };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.ConfigureDbContext<AppDbContext>(options => options.AddInterceptors(HeldRead)));
        }
    }

    /// <summary>Once armed, holds the next read of a session family after PostgreSQL has answered it, until released.</summary>
    public sealed class HeldSessionRead : DbCommandInterceptor
    {
        private TaskCompletionSource? _held;
        private TaskCompletionSource? _release;
        private int _armed;

        public Task Arm()
        {
            _held = new(TaskCreationOptions.RunContinuationsAsynchronously);
            _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref _armed, 1);
            return _held.Task;
        }

        public void Release() => _release?.TrySetResult();

        public override async ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("session_families", StringComparison.Ordinal) && Interlocked.Exchange(ref _armed, 0) == 1)
            {
                _held!.TrySetResult();
                await _release!.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            }

            return result;
        }
    }

    [Fact]
    public async Task A_request_whose_session_read_straddles_a_sign_out_does_not_let_the_old_token_back_in()
    {
        var user = await api.CreateUserAsync(UserRole.Merchant);
        var merchant = await api.ClientForAsync(user);

        var held = api.HeldRead.Arm();
        var straddling = merchant.GetAsync("/api/auth/me");
        await held.WaitAsync(TimeSpan.FromSeconds(30));
        try
        {
            var logout = await merchant.PostAsJsonAsync("/api/auth/logout", new { });
            await logout.ShouldBeAsync(HttpStatusCode.NoContent);
        }
        finally
        {
            api.HeldRead.Release();
        }

        // It began before the sign-out, so either answer is right for it; what it read must not outlive it.
        Assert.Contains((await straddling).StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Unauthorized });
        var me = await merchant.GetAsync("/api/auth/me");
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        Assert.Equal("/problems/unauthenticated", (await me.ProblemAsync()).Type);
    }
}
