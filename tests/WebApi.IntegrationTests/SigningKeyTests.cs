using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;
using OrderTracking.Domain.Users;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>No key anyone could know ever signs tokens: startup refuses it in every environment, and Development makes its own.</summary>
public sealed class SigningKeyTests
{
    /// <summary>The real app on a real database, in <paramref name="environment"/>, with exactly these settings.</summary>
    private sealed class Host(string environment, IDictionary<string, string?> settings) : ApiFactory
    {
        protected override IDictionary<string, string?> ExtraSettings => settings;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment(environment);
        }
    }

    private static async Task<Host> StartAsync(string environment, IDictionary<string, string?> settings)
    {
        var host = new Host(environment, settings);
        await host.InitializeAsync();
        return host;
    }

    private static string RandomKey() => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48));

    public static TheoryData<string, string?, string> RefusedKeys()
    {
        var data = new TheoryData<string, string?, string>();
        foreach (var environment in new[] { "Production", "Development" })
        {
            data.Add(environment, "too-short-key", "shorter than 32 bytes");
            data.Add(environment, "development-only-signing-key-never-use-in-production-0123456789", "published in the repository");
            data.Add(environment, "replace-with-the-output-of-openssl-rand-base64-48-xxxxxxxx", "published in the repository");
            data.Add(environment, "integration-tests-signing-key-0123456789abcdefghijklmnop", "published in the repository");
            data.Add(environment, "my-very-own-changeme-key-for-the-production-server", "placeholder");
            data.Add(environment, "Secret-Secret-Secret-Secret-Secret-Secret", "placeholder");
            data.Add(environment, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "placeholder");
            data.Add(environment, "Kq7vZ2mPw9xLr4TnBs8YcHd3FgJeUa6N-0123456789-tail", "placeholder");
        }

        data.Add("Production", null, "not set");
        return data;
    }

    [Theory]
    [MemberData(nameof(RefusedKeys))]
    public async Task Startup_refuses_a_short_published_or_placeholder_key_in_every_environment(string environment, string? key, string reason)
    {
        await using var host = await StartAsync(environment, new Dictionary<string, string?> { ["Jwt:SigningKey"] = key ?? string.Empty });

        var failure = Assert.ThrowsAny<Exception>(() => host.CreateClient()).GetBaseException();

        Assert.IsType<OptionsValidationException>(failure);
        Assert.Contains(reason, failure.Message, StringComparison.Ordinal);
        Assert.Contains("openssl rand -base64 48", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_random_key_of_48_bytes_is_accepted_in_production()
    {
        await using var host = await StartAsync("Production", new Dictionary<string, string?> { ["Jwt:SigningKey"] = RandomKey() });

        Assert.Equal(HttpStatusCode.OK, (await host.CreateClient().GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task Development_without_a_key_makes_one_in_an_owner_only_file_and_reuses_it_after_a_restart()
    {
        var folder = Directory.CreateTempSubdirectory("ot-dev-key-");
        var keyFile = Path.Combine(folder.FullName, ".data", "jwt-signing-key");
        var settings = new Dictionary<string, string?> { ["Jwt:SigningKey"] = string.Empty, ["Jwt:DevelopmentKeyFile"] = keyFile };
        try
        {
            string accessToken;
            string database;
            await using (var first = await StartAsync("Development", settings))
            {
                accessToken = await SignInAsync(first);
                database = first.ConnectionString;
            }

            Assert.True(File.Exists(keyFile));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
            }

            Assert.True(Convert.FromBase64String(await File.ReadAllTextAsync(keyFile)).Length >= 32);

            // Restarted on the same database and key file: the session signed before the restart still works.
            await using var restarted = await StartAsync("Development", new Dictionary<string, string?>(settings) { ["ConnectionStrings:OrderTracking"] = database });
            Assert.Equal(HttpStatusCode.OK, (await MeAsync(restarted, accessToken)).StatusCode);

            // ...because of the kept key: another key file means another key, and the same token is refused.
            var otherKeyFile = Path.Combine(folder.FullName, "other-key");
            await using var elsewhere = await StartAsync("Development", new Dictionary<string, string?>(settings) { ["ConnectionStrings:OrderTracking"] = database, ["Jwt:DevelopmentKeyFile"] = otherKeyFile });
            Assert.Equal(HttpStatusCode.Unauthorized, (await MeAsync(elsewhere, accessToken)).StatusCode);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<HttpResponseMessage> MeAsync(ApiFactory host, string accessToken)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return await client.GetAsync("/api/auth/me");
    }

    private static async Task<string> SignInAsync(ApiFactory host)
    {
        var user = await host.CreateUserAsync(UserRole.Merchant);
        var client = await host.ClientForAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/auth/me")).StatusCode);
        return client.DefaultRequestHeaders.Authorization!.Parameter!;
    }
}
