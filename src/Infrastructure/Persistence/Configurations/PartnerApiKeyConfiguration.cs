using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderTracking.Domain.Partners;

namespace OrderTracking.Infrastructure.Persistence.Configurations;

public sealed class PartnerApiKeyConfiguration : IEntityTypeConfiguration<PartnerApiKey>
{
    public void Configure(EntityTypeBuilder<PartnerApiKey> builder)
    {
        builder.ToTable("partner_api_keys");
        builder.HasKey(k => k.Id);
        builder.Ignore(k => k.IsRevoked);
        builder.Ignore(k => k.Prefix);
        builder.Property(k => k.Name).HasMaxLength(PartnerApiKey.MaxNameLength).IsRequired();
        builder.Property(k => k.PublicId).HasMaxLength(ApiKeyFormat.PublicIdLength).IsFixedLength().IsRequired();
        builder.HasIndex(k => k.PublicId).IsUnique();
        builder.Property(k => k.SecretHash).HasMaxLength(32).IsRequired();
        builder.HasOne<DeliveryPartner>().WithMany().HasForeignKey(k => k.PartnerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(k => k.PartnerId);
    }
}
