using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Domain.Users;
using OrderTracking.Infrastructure.Persistence;

namespace OrderTracking.WebApi.IntegrationTests.Infrastructure;

/// <summary>
/// The real WebApi over HTTP (in-memory test server) on its own real PostgreSQL database. One per test class
/// (<c>IClassFixture&lt;ApiFactory&gt;</c>), so classes never see each other's data.
/// </summary>
public class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>A random key of this test run: no key in the repository can sign for the app under test.</summary>
    public static readonly string SigningKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48));
    private string _connectionString = string.Empty;

    private readonly System.Collections.Concurrent.ConcurrentBag<string> _secrets = [SigningKey];

    public CapturedLogs Logs { get; } = new();

    /// <summary>Remembers a password, token or key this class used, so the log check at the end looks for it.</summary>
    public void RememberSecret(string secret) => _secrets.Add(secret);

    public string ConnectionString => _connectionString;

    /// <summary>Settings a test class may add or override (rate limits, lifetimes...).</summary>
    protected virtual IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    /// <summary>
    /// The address every request comes from, as a load balancer's connection would; the in-memory server sets none.
    /// </summary>
    protected virtual IPAddress? ConnectionAddress => null;

    public virtual async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable("ORDERTRACKING_SKIP_DOTENV", "1");
        var server = await PostgresServer.InstanceAsync();
        _connectionString = await server.CreateDatabaseAsync();
    }

    /// <summary>After every test class: none of the secrets it used may appear in anything the app logged.</summary>
    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (_connectionString.Length > 0)
        {
            await (await PostgresServer.InstanceAsync()).DropDatabaseAsync(_connectionString);
        }

        var log = string.Join('\n', Logs.Lines);
        var leaked = _secrets.Where(secret => log.Contains(secret, StringComparison.Ordinal)).Select(secret => secret[..Math.Min(6, secret.Length)] + "…").ToList();
        if (leaked.Count > 0)
        {
            throw new InvalidOperationException($"Secrets reached the log: {string.Join(", ", leaked)}");
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration((_, configuration) =>
        {
            var settings = new Dictionary<string, string?>
            {
                ["ConnectionStrings:OrderTracking"] = _connectionString,
                ["Jwt:SigningKey"] = SigningKey,
                ["PasswordHashing:WorkFactor"] = "4",
                ["Logging:LogLevel:Default"] = "Trace",
                ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Trace",
                ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Trace",

                // Every test client shares one address and signs in often; the limits get tests of their own.
                ["RateLimiting:SignIn:PermitLimit"] = "100000",
                ["RateLimiting:Tracking:PermitLimit"] = "100000",
                ["RateLimiting:Partner:PermitLimit"] = "100000",
                ["RateLimiting:User:PermitLimit"] = "100000",
                ["RateLimiting:Refresh:PermitLimit"] = "100000",
                ["RateLimiting:RefusedCredentials:PermitLimit"] = "100000",
                ["RateLimiting:HubInvocations:PermitLimit"] = "100000",
                ["RateLimiting:AnonymousHubConnectionsPerAddress"] = "100000",
            };
            foreach (var (key, value) in ExtraSettings)
            {
                settings[key] = value;
            }

            configuration.AddInMemoryCollection(settings);
        });
        if (ConnectionAddress is { } address)
        {
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new ConnectionAddressFilter(address)));
        }

        builder.ConfigureLogging(logging =>
        {
            logging.AddProvider(Logs);
            logging.SetMinimumLevel(LogLevel.Trace);
        });
    }

    /// <summary>Creates a user straight in the database (there is no anonymous way to do it through the API, by design).</summary>
    public async Task<TestUser> CreateUserAsync(UserRole role, string? email = null, string? password = null, string? displayName = null)
    {
        email ??= $"{role.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}@example.com";
        password ??= $"Pw-{Guid.NewGuid():N}";
        displayName ??= $"{role} {email[..8]}";
        await using var scope = Services.CreateAsyncScope();
        var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher>();
        var user = User.Create(email, displayName, role, hasher.Hash(password), DateTimeOffset.UtcNow);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Users.Add(user);
        await db.SaveChangesAsync();
        RememberSecret(password);
        return new TestUser(user.Id, email, password, displayName, role);
    }

    /// <summary>A client signed in as a new user of <paramref name="role"/>.</summary>
    public async Task<(HttpClient Client, TestUser User)> SignedInAsync(UserRole role)
    {
        var user = await CreateUserAsync(role);
        return (await ClientForAsync(user), user);
    }

    public async Task<HttpClient> ClientForAsync(TestUser user)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = user.Password });
        response.EnsureSuccessStatusCode();
        var login = await response.Content.ReadFromJsonAsync<LoginResponse>(Json.Options);
        RememberSecret(login!.AccessToken);
        RememberSecret(login.RefreshToken!);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login!.AccessToken);
        return client;
    }

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}

public sealed record TestUser(Guid Id, string Email, string Password, string DisplayName, UserRole Role);
