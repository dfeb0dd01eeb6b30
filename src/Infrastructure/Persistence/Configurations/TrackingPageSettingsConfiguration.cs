using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderTracking.Domain.Merchants;
using OrderTracking.Domain.Users;

namespace OrderTracking.Infrastructure.Persistence.Configurations;

public sealed class TrackingPageSettingsConfiguration : IEntityTypeConfiguration<TrackingPageSettings>
{
    public void Configure(EntityTypeBuilder<TrackingPageSettings> builder)
    {
        builder.ToTable("tracking_page_settings");
        builder.HasKey(s => s.MerchantId);
        builder.Property(s => s.MerchantId).ValueGeneratedNever();
        builder.HasOne<User>().WithOne().HasForeignKey<TrackingPageSettings>(s => s.MerchantId).OnDelete(DeleteBehavior.Cascade);

        // Stored as the flags' number: the SQL of the tracking page reads it beside the order.
        builder.Property(s => s.RedeliveryDays).HasConversion<int>();
    }
}
