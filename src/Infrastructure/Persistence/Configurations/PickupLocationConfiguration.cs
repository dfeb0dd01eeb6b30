using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderTracking.Domain.Merchants;

namespace OrderTracking.Infrastructure.Persistence.Configurations;

public sealed class PickupLocationConfiguration : IEntityTypeConfiguration<PickupLocation>
{
    public void Configure(EntityTypeBuilder<PickupLocation> builder)
    {
        builder.ToTable("pickup_locations");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.Label).HasMaxLength(PickupLocation.MaxLabelLength).IsRequired();
        builder.Property(l => l.Instructions).HasMaxLength(PickupLocation.MaxInstructionsLength);
        builder.OwnsOne(l => l.Address, AddressColumns.Configure);
        builder.Navigation(l => l.Address).IsRequired();

        // No unique index on the default flag: moving the default updates two rows, and PostgreSQL checks a unique
        // index row by row. The aggregate (MerchantProfile) keeps exactly one default.
        builder.HasIndex(l => l.MerchantId);
    }
}
