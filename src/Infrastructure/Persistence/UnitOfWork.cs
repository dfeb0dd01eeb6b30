using Microsoft.EntityFrameworkCore;
using Npgsql;
using OrderTracking.Application.Common.Exceptions;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Domain.Common;

namespace OrderTracking.Infrastructure.Persistence;

public sealed class UnitOfWork(AppDbContext db) : IUnitOfWork
{
    public async Task SaveChangesAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException("Someone else changed this at the same moment. Reload it and try again.");
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            throw new DuplicateException("This would duplicate something that must be unique.");
        }

        foreach (var aggregate in db.ChangeTracker.Entries<AggregateRoot>().Select(e => e.Entity))
        {
            aggregate.ClearDomainEvents();
        }
    }
}
