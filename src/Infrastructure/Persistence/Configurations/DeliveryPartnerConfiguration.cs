using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderTracking.Domain.Partners;

namespace OrderTracking.Infrastructure.Persistence.Configurations;

public sealed class DeliveryPartnerConfiguration : IEntityTypeConfiguration<DeliveryPartner>
{
    public void Configure(EntityTypeBuilder<DeliveryPartner> builder)
    {
        builder.ToTable("delivery_partners");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Name).HasMaxLength(DeliveryPartner.MaxNameLength).IsRequired();
        builder.HasIndex(p => p.Name).IsUnique();
    }
}
