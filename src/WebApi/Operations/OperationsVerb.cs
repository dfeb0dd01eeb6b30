using System.Diagnostics.CodeAnalysis;
using FluentValidation;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Users.Common;
using OrderTracking.Domain.Users;
using OrderTracking.Infrastructure.Persistence;

namespace OrderTracking.WebApi.Operations;

/// <summary>
/// The operations verbs of the WebApi program (the counterpart of the original <c>init_db.py</c>):
/// <c>migrate</c> applies migrations and exits; <c>create-admin --email E --password P [--name N]</c>
/// opens the first admin account, which is the only way to get one outside Development;
/// <c>openapi PATH</c> writes the OpenAPI document (the source of the generated TypeScript client) without a database;
/// <c>healthcheck [URL]</c> exits 0 when the running API answers its readiness check (the container health check,
/// as the runtime image has no curl).
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
            "create-admin" => new CreateAdminVerb(Option(args, "--email"), Option(args, "--password"), Option(args, "--name") ?? "Administrator"),
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

    private sealed class CreateAdminVerb(string? email, string? password, string name) : OperationsVerb
    {
        private string? Email => email;
        private string? Password => password;
        private string Name => name;

        private sealed class Input : AbstractValidator<CreateAdminVerb>
        {
            public Input()
            {
                RuleFor(v => v.Email).NotEmpty().EmailAddress().OverridePropertyName("--email");
                RuleFor(v => v.Password).ValidPassword().OverridePropertyName("--password");
                RuleFor(v => v.Name).NotEmpty().MaximumLength(User.MaxDisplayNameLength).OverridePropertyName("--name");
            }
        }

        public override async Task<int> RunAsync(IServiceProvider services)
        {
            var result = await new Input().ValidateAsync(this);
            if (!result.IsValid)
            {
                await Console.Error.WriteLineAsync("Usage: create-admin --email E --password P [--name N]");
                foreach (var error in result.Errors)
                {
                    await Console.Error.WriteLineAsync($"  {error.PropertyName}: {error.ErrorMessage}");
                }

                return 2;
            }

            await using var scope = services.CreateAsyncScope();
            var sp = scope.ServiceProvider;
            var users = sp.GetRequiredService<IUserRepository>();
            var normalized = User.NormalizeEmail(email!);
            if (await users.EmailExistsAsync(normalized, CancellationToken.None))
            {
                await Console.Error.WriteLineAsync($"A user with the email {normalized} already exists.");
                return 1;
            }

            var hash = sp.GetRequiredService<IPasswordHasher>().Hash(password!);
            users.Add(User.Create(normalized, name, UserRole.Admin, hash, sp.GetRequiredService<TimeProvider>().GetUtcNow()));
            await sp.GetRequiredService<IUnitOfWork>().SaveChangesAsync(CancellationToken.None);
            await Console.Out.WriteLineAsync($"Admin {normalized} created.");
            return 0;
        }
    }
}
