using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Notifications;
using OrderTracking.Domain.Users;

namespace OrderTracking.Infrastructure.Persistence.Configurations;

public sealed class NotificationSettingsConfiguration : IEntityTypeConfiguration<NotificationSettings>
{
    public void Configure(EntityTypeBuilder<NotificationSettings> builder)
    {
        builder.ToTable("notification_settings");
        builder.HasKey(s => s.MerchantId);
        builder.Property(s => s.MerchantId).ValueGeneratedNever();
        builder.HasOne<User>().WithOne().HasForeignKey<NotificationSettings>(s => s.MerchantId).OnDelete(DeleteBehavior.Cascade);

        // The chosen statuses by name (text[]), as every status is stored.
        builder.PrimitiveCollection(s => s.Events).HasField("_events").UsePropertyAccessMode(PropertyAccessMode.Field)
            .ElementType(e => e.HasConversion<string>()).IsRequired();
        builder.Property(s => s.SenderName).HasMaxLength(NotificationSettings.MaxSenderNameLength);
        builder.Property(s => s.ReplyTo).HasMaxLength(NotificationSettings.MaxReplyToLength);
        builder.Property(s => s.AccentColour).HasMaxLength(7);
        builder.Property(s => s.LogoUrl).HasMaxLength(NotificationSettings.MaxLogoUrlLength);
        builder.Property(s => s.Language).HasMaxLength(Locale.MaxLanguageLength).IsRequired();
        builder.Property(s => s.TimeZone).HasMaxLength(Locale.MaxTimeZoneLength).IsRequired();
        builder.Property(s => s.PauseReason).HasMaxLength(NotificationSettings.MaxPauseReasonLength);
        builder.Ignore(s => s.Locale);
    }
}
