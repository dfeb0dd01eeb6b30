using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderTracking.Infrastructure.Outbox;

namespace OrderTracking.Infrastructure.Persistence.Configurations;

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("outbox_messages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Type).HasMaxLength(OutboxMessage.MaxTypeLength);
        builder.Property(m => m.AggregateType).HasMaxLength(OutboxMessage.MaxTypeLength);
        builder.Property(m => m.Payload).HasColumnType("jsonb");
        builder.Property(m => m.LastError).HasMaxLength(OutboxMessage.MaxErrorLength);

        // The dispatcher's claim reads due rows oldest first; dispatched and failed rows stay out of the index.
        builder.HasIndex(m => m.OccurredAt).HasFilter("dispatched_at IS NULL AND failed_at IS NULL").HasDatabaseName("ix_outbox_messages_due");
        builder.HasIndex(m => m.DispatchedAt).HasFilter("dispatched_at IS NOT NULL");

        // The webhook worker asks, for each due delivery, whether an earlier event of its order is still undispatched.
        builder.HasIndex(m => new { m.AggregateId, m.OccurredAt }).HasFilter("dispatched_at IS NULL AND failed_at IS NULL").HasDatabaseName("ix_outbox_messages_undispatched_by_aggregate");
    }
}
