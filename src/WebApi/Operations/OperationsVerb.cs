using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;
using System.Text;
using FluentValidation;
using Mediator;
using Microsoft.IdentityModel.JsonWebTokens;
using OrderTracking.Application.Common.Exceptions;
using OrderTracking.Application.Users.Commands.CreateUser;
using OrderTracking.Domain.Users;
using OrderTracking.Infrastructure.Analytics;
using OrderTracking.Infrastructure.Identity;
using OrderTracking.Infrastructure.Persistence;

namespace OrderTracking.WebApi.Operations;

/// <summary>
/// The operations verbs of the WebApi program (the counterpart of the original <c>init_db.py</c>):
/// <c>migrate</c> applies migrations and exits; <c>create-admin --email E [--password P] [--name N]</c>
/// opens the first admin account (the password from standard input or a prompt when not given), which is the only way to get one outside Development;
/// <c>openapi PATH</c> writes the OpenAPI document (the source of the generated TypeScript client) without a database;
/// <c>healthcheck [URL]</c> exits 0 when the running API answers its readiness check (the container health check,
/// as the runtime image has no curl); <c>rebuild-arrival-estimates</c> counts the arrival statistics again from the
/// order history (after a restore, or a change of their rules); <c>rebuild-analytics</c> makes the analytics roll-ups
/// again from the orders.
/// </summary>
public abstract class OperationsVerb
{
    public abstract Task<int> RunAsync(IServiceProvider services);

    public static bool TryParse(string[] args, [NotNullWhen(true)] out OperationsVerb? verb)
    {
        verb = args.FirstOrDefault() switch
        {
            "migrate" => new MigrateVerb(),
            "openapi" => new OpenApiVerb(args.Skip(1).FirstOrDefault() ?? "openapi.json"),
            "healthcheck" => new HealthCheckVerb(args.Skip(1).FirstOrDefault() ?? "http://127.0.0.1:8080/health/ready"),
            "rebuild-arrival-estimates" => new RebuildArrivalEstimatesVerb(),
            "create-admin" => new CreateAdminVerb(Option(args, "--email"), Option(args, "--password"), Option(args, "--name") ?? "Administrator"),
            "rebuild-analytics" => new RebuildAnalyticsVerb(),
            _ => null,
        };
        return verb is not null;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private sealed class MigrateVerb : OperationsVerb
    {
        public override async Task<int> RunAsync(IServiceProvider services)
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
            await Console.Out.WriteLineAsync("Migrations applied.");
            return 0;
        }
    }

    private sealed class RebuildArrivalEstimatesVerb : OperationsVerb
    {
        public override async Task<int> RunAsync(IServiceProvider services)
        {
            await using var scope = services.CreateAsyncScope();
            var legs = await scope.ServiceProvider.GetRequiredService<OrderTracking.Application.Common.Interfaces.IArrivalStatistics>().RebuildAsync(CancellationToken.None);
            await Console.Out.WriteLineAsync($"Arrival statistics rebuilt from {legs} finished delivery legs.");
            return 0;
        }
    }

    private sealed class OpenApiVerb(string path) : OperationsVerb
    {
        public override async Task<int> RunAsync(IServiceProvider services)
        {
            var document = await services.GetRequiredService<NSwag.Generation.IOpenApiDocumentGenerator>().GenerateAsync("v1");
            var json = document.ToJson().ReplaceLineEndings("\n") + "\n";
            await File.WriteAllTextAsync(path, json);
            await Console.Out.WriteLineAsync($"OpenAPI document written to {Path.GetFullPath(path)}.");
            return 0;
        }
    }

    /// <summary>
    /// Makes the analytics roll-ups again from the orders and their histories, while the API goes on serving: for
    /// after a bulk import with the triggers disabled, a TRUNCATE, or a repair by hand (docs/decisions/0028).
    /// </summary>
    private sealed class RebuildAnalyticsVerb : OperationsVerb
    {
        public override async Task<int> RunAsync(IServiceProvider services)
        {
            await using var scope = services.CreateAsyncScope();
            var started = TimeProvider.System.GetTimestamp();
            var orders = await scope.ServiceProvider.GetRequiredService<AnalyticsRollups>().RebuildAsync(CancellationToken.None);
            await Console.Out.WriteLineAsync($"Analytics roll-ups rebuilt from {orders} orders in {TimeProvider.System.GetElapsedTime(started).TotalSeconds:0.0} s.");
            return 0;
        }
    }

    private sealed class HealthCheckVerb(string url) : OperationsVerb
    {
        public override async Task<int> RunAsync(IServiceProvider services)
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            try
            {
                return (await http.GetAsync(new Uri(url))).IsSuccessStatusCode ? 0 : 1;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                return 1;
            }
        }
    }

    /// <summary>
    /// Opens an admin account through the same <see cref="CreateUserCommand"/> as <c>POST /api/users</c>, acting as
    /// the operator at the console: whoever can run the host's verbs holds its database and configuration anyway.
    /// Without <c>--password</c> the password is read from standard input (piped) or asked for without echo.
    /// </summary>
    private sealed class CreateAdminVerb(string? email, string? password, string name) : OperationsVerb
    {
        private const string Usage = "Usage: create-admin --email E [--password P] [--name N]   (without --password: from standard input, or asked for)";

        private static readonly Dictionary<string, string> Options = new()
        {
            [nameof(CreateUserCommand.Email)] = "--email",
            [nameof(CreateUserCommand.Password)] = "--password",
            [nameof(CreateUserCommand.DisplayName)] = "--name",
        };

        public override async Task<int> RunAsync(IServiceProvider services)
        {
            var secret = password ?? await ReadPasswordAsync();
            await using var scope = services.CreateAsyncScope();
            var accessor = scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>();
            accessor.HttpContext = new DefaultHttpContext { RequestServices = scope.ServiceProvider, User = Operator() };
            try
            {
                var user = await scope.ServiceProvider.GetRequiredService<IMediator>()
                    .Send(new CreateUserCommand(email, secret, name, UserRole.Admin), CancellationToken.None);
                await Console.Out.WriteLineAsync($"Admin {user.Email} created.");
                return 0;
            }
            catch (ValidationException ex)
            {
                await Console.Error.WriteLineAsync(Usage);
                foreach (var error in ex.Errors)
                {
                    await Console.Error.WriteLineAsync($"  {Options.GetValueOrDefault(error.PropertyName, error.PropertyName)}: {error.ErrorMessage}");
                }

                return 2;
            }
            catch (DuplicateException)
            {
                await Console.Error.WriteLineAsync($"A user with the email {User.NormalizeEmail(email!)} already exists.");
                return 1;
            }
            finally
            {
                accessor.HttpContext = null;
            }
        }

        private static ClaimsPrincipal Operator() => new(new ClaimsIdentity(
            [
                new Claim(JwtRegisteredClaimNames.Sub, Guid.Empty.ToString()),
                new Claim(JwtRegisteredClaimNames.Name, "Operations console"),
                new Claim(TokenClaims.Role, nameof(UserRole.Admin)),
            ],
            authenticationType: "OperationsConsole"));

        /// <summary>A password on the command line lands in the shell history and the process list; this keeps it out of both.</summary>
        private static async Task<string?> ReadPasswordAsync()
        {
            if (Console.IsInputRedirected)
            {
                return await Console.In.ReadLineAsync();
            }

            var first = Prompt("Password: ");
            var second = Prompt("Repeat the password: ");
            if (first != second)
            {
                await Console.Error.WriteLineAsync("The two passwords differ.");
                return null;
            }

            return first;
        }

        private static string Prompt(string label)
        {
            Console.Error.Write(label);
            var typed = new StringBuilder();
            for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
            {
                if (key.Key == ConsoleKey.Backspace)
                {
                    typed.Length = Math.Max(0, typed.Length - 1);
                }
                else if (!char.IsControl(key.KeyChar))
                {
                    typed.Append(key.KeyChar);
                }
            }

            Console.Error.WriteLine();
            return typed.ToString();
        }
    }
}
