using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrderTracking.Application.Auth.Common;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Infrastructure.Analytics;
using OrderTracking.Infrastructure.Arrivals;
using OrderTracking.Infrastructure.DataProtection;
using OrderTracking.Infrastructure.Export;
using OrderTracking.Infrastructure.Idempotency;
using OrderTracking.Infrastructure.Notifications;
using OrderTracking.Infrastructure.Identity;
using OrderTracking.Infrastructure.Outbox;
using OrderTracking.Infrastructure.Persistence;
using OrderTracking.Infrastructure.Persistence.Queries;
using OrderTracking.Infrastructure.Persistence.Repositories;
using OrderTracking.Infrastructure.Proofs;
using OrderTracking.Infrastructure.Retention;
using OrderTracking.Infrastructure.Webhooks;

namespace OrderTracking.Infrastructure;

public static class DependencyInjection
{
    public const string ConnectionStringName = "OrderTracking";

    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        // Read when the first context is built, so configuration added late (tests, user secrets) is seen. Pooled: the
        // options are built once and a request takes a reset context from the pool, where building one per request was
        // about a fifth of a cheap read's time (bench/README.md, profile). The context keeps no state of its own.
        services.AddDbContextPool<AppDbContext>((provider, options) => AppDbContextOptions.Configure(
            options, provider.GetRequiredService<DatabaseConnections>().Application));
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.SectionName))
            .Validate(database => database.StatementTimeoutSeconds >= 1, "Database:StatementTimeoutSeconds must be at least 1.")
            .ValidateOnStart();
        services.AddOptions<ExportOptions>().Bind(configuration.GetSection(ExportOptions.SectionName))
            .Validate(
                exports => exports.MaxConcurrentPerUser >= 1 && exports.MaxConcurrent >= exports.MaxConcurrentPerUser && exports.StatementTimeoutSeconds >= 1,
                "Exports:MaxConcurrentPerUser must be at least 1, Exports:MaxConcurrent at least that, Exports:StatementTimeoutSeconds at least 1.")
            .ValidateOnStart();
        services.AddSingleton<DatabaseConnections>();

        services.AddSingleton<StreamingReads>();
        services.AddScoped<UnitOfWork>();
        services.AddScoped<IUnitOfWork>(provider => provider.GetRequiredService<UnitOfWork>());
        services.AddScoped<ICommandTransactions>(provider => provider.GetRequiredService<UnitOfWork>());
        services.AddScoped<IQueryRetries>(provider => provider.GetRequiredService<UnitOfWork>());
        services.AddScoped<DatabaseMigrator>();
        services.AddScoped<IOrderRepository, OrderRepository>();
        services.AddScoped<IOrderQueries, OrderQueries>();
        services.AddScoped<IUserRepository, UserRepository>();
        services.AddScoped<IPartnerRepository, PartnerRepository>();
        services.AddScoped<IMerchantProfileRepository, MerchantProfileRepository>();
        services.AddScoped<ISessionRepository, SessionRepository>();
        services.AddScoped<IAnalyticsReader, AnalyticsReader>();
        services.AddScoped<AnalyticsRollups>();
        services.AddOptions<AnalyticsOptions>().Bind(configuration.GetSection(AnalyticsOptions.SectionName))
            .Validate(analytics => analytics.CompactionInterval > TimeSpan.Zero, "Analytics:CompactionInterval must be positive.")
            .ValidateOnStart();
        services.AddHostedService<AnalyticsCompactionService>();
        services.AddLiveMap();
        services.AddOptions<SessionOptions>().Bind(configuration.GetSection(SessionOptions.SectionName))
            .Validate(
                sessions => sessions.AccessCheckCacheSeconds is >= 0 and <= SessionOptions.MaxAccessCheckCacheSeconds,
                $"Sessions:AccessCheckCacheSeconds must be between 0 and {SessionOptions.MaxAccessCheckCacheSeconds}: an account change must end access within a few seconds.")
            .ValidateOnStart();
        services.AddMemoryCache();
        services.AddSingleton<SessionCheckForgets>();
        services.AddScoped<IUserSessionCheck, UserSessionCheck>();

        services.AddOptions<JwtOptions>().Bind(configuration.GetSection(JwtOptions.SectionName));
        services.AddOptions<PasswordHashingOptions>().Bind(configuration.GetSection(PasswordHashingOptions.SectionName));
        services.AddSingleton<IPasswordHasher, BCryptPasswordHasher>();
        services.AddSingleton<ITokenService, JwtTokenService>();
        services.AddSingleton<IOrderCsvWriter, OrderCsvWriter>();
        services.AddSingleton<IApiKeySecrets, ApiKeySecrets>();

        services.AddOptions<IdempotencyOptions>().Bind(configuration.GetSection(IdempotencyOptions.SectionName));
        services.AddScoped<IdempotencyStore>();
        services.AddScoped<IIdempotencyStore>(provider => provider.GetRequiredService<IdempotencyStore>());
        services.AddSharedKeyRing();
        services.AddWebhooks(configuration);
        services.AddCustomerEmails(configuration);
        services.AddProofsOfDelivery(configuration);
        services.AddRetention(configuration);

        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection(OutboxOptions.SectionName))
            .Validate(outbox => outbox.BatchSize >= 1 && outbox.Parallelism >= 1, "Outbox:BatchSize and Outbox:Parallelism must be at least 1.")
            .ValidateOnStart();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<LiveAnnouncer>();
        services.AddHostedService(provider => provider.GetRequiredService<LiveAnnouncer>());
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<OutboxDispatcher>());
        services.AddHostedService<OutboxListener>();
        return services;
    }
}
