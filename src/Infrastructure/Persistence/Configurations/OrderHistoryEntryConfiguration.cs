using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderTracking.Domain.Orders;

namespace OrderTracking.Infrastructure.Persistence.Configurations;

public sealed class OrderHistoryEntryConfiguration : IEntityTypeConfiguration<OrderHistoryEntry>
{
    public void Configure(EntityTypeBuilder<OrderHistoryEntry> builder)
    {
        builder.ToTable("order_history");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(h => h.From).HasConversion<string>().HasMaxLength(32);
        builder.Property(h => h.To).HasConversion<string>().HasMaxLength(32);
        builder.Property(h => h.ActorType).HasConversion<string>().HasMaxLength(32);
        builder.Property(h => h.ActorName).HasMaxLength(200).IsRequired();
        builder.Property(h => h.Note).HasMaxLength(Order.MaxNotesLength + 250);
        builder.Property(h => h.Reason).HasMaxLength(Order.MaxReasonLength);
        builder.HasIndex(h => new { h.OrderId, h.At });

        // One entry per version of an order: of two changes made from the same version, the second one's INSERT fails
        // here, inside PostgreSQL, and takes the rest of its batch (the order's UPDATE, the outbox row) with it.
        builder.Property(h => h.Version).HasConversion<int>();
        builder.HasIndex(h => new { h.OrderId, h.Version }).IsUnique().HasDatabaseName(RefusedInsideTheBatch.OneEntryPerVersion);
    }
}
