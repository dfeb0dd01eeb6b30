using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderTracking.Domain.Merchants;
using OrderTracking.Domain.Users;

namespace OrderTracking.Infrastructure.Persistence.Configurations;

public sealed class MerchantProfileConfiguration : IEntityTypeConfiguration<MerchantProfile>
{
    public void Configure(EntityTypeBuilder<MerchantProfile> builder)
    {
        builder.ToTable("merchant_profiles");
        builder.HasKey(p => p.MerchantId);
        builder.Property(p => p.MerchantId).ValueGeneratedNever();
        builder.HasOne<User>().WithOne().HasForeignKey<MerchantProfile>(p => p.MerchantId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(p => p.BusinessName).HasMaxLength(MerchantProfile.MaxBusinessNameLength).IsRequired();
        builder.Property(p => p.ContactPhone).HasMaxLength(MerchantProfile.MaxContactPhoneLength);
        builder.Property(p => p.ContactEmail).HasMaxLength(MerchantProfile.MaxContactEmailLength);
        builder.Ignore(p => p.DefaultLocation);

        builder.HasMany(p => p.Locations).WithOne().HasForeignKey(l => l.MerchantId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Locations).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
