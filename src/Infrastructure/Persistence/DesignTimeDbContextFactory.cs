using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace OrderTracking.Infrastructure.Persistence;

/// <summary>Lets <c>dotnet ef</c> build the model without starting the WebApi (no database is contacted to add a migration).</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args) =>
        new((DbContextOptions<AppDbContext>)AppDbContextOptions.Configure(
                new DbContextOptionsBuilder<AppDbContext>(),
                Environment.GetEnvironmentVariable("ConnectionStrings__OrderTracking") ?? "Host=localhost;Database=order_tracking_design")
            .Options);
}
