using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderTracking.Application.Common.Idempotency;
using OrderTracking.Infrastructure.Idempotency;

namespace OrderTracking.Infrastructure.Persistence.Configurations;

public sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("idempotency_records");

        // The unique constraint that makes a key usable once per caller, whatever the race.
        builder.HasKey(r => new { r.CallerScope, r.Key });
        builder.Property(r => r.CallerScope).HasMaxLength(64);
        builder.Property(r => r.Key).HasMaxLength(IdempotencyKey.MaxLength);
        builder.Property(r => r.RequestHash).HasMaxLength(64).IsRequired();
        builder.HasIndex(r => r.CreatedAt);
    }
}
