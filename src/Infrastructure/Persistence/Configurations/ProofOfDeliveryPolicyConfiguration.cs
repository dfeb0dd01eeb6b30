using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderTracking.Domain.Proofs;
using OrderTracking.Domain.Users;

namespace OrderTracking.Infrastructure.Persistence.Configurations;

public sealed class ProofOfDeliveryPolicyConfiguration : IEntityTypeConfiguration<ProofOfDeliveryPolicy>
{
    public void Configure(EntityTypeBuilder<ProofOfDeliveryPolicy> builder)
    {
        builder.ToTable("proof_of_delivery_policies");
        builder.HasKey(p => p.MerchantId);
        builder.Property(p => p.MerchantId).ValueGeneratedNever();
        builder.HasOne<User>().WithOne().HasForeignKey<ProofOfDeliveryPolicy>(p => p.MerchantId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(p => p.Photo).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Signature).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.RecipientName).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Position).HasConversion<string>().HasMaxLength(16);
    }
}
