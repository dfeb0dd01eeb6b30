using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderTracking.Domain.Notifications;
using OrderTracking.Domain.Orders;
using OrderTracking.Domain.Users;

namespace OrderTracking.Infrastructure.Persistence.Configurations;

public sealed class EmailNotificationConfiguration : IEntityTypeConfiguration<EmailNotification>
{
    /// <summary>Until when a sender holds the e-mail (its claim); set and read by the sender's SQL only.</summary>
    public const string ClaimedUntil = "ClaimedUntil";

    public void Configure(EntityTypeBuilder<EmailNotification> builder)
    {
        builder.ToTable("email_notifications");
        builder.HasKey(e => e.Id);
        builder.Property<DateTimeOffset?>(ClaimedUntil);
        builder.Property(e => e.Event).HasConversion<string>().HasMaxLength(32).IsRequired();
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(20).IsRequired();
        builder.Property(e => e.Recipient).HasMaxLength(Customer.MaxEmailLength).IsRequired();
        builder.Property(e => e.RecipientMasked).HasMaxLength(Customer.MaxEmailLength).IsRequired();
        builder.Property(e => e.Subject).HasMaxLength(EmailNotification.MaxSubjectLength).IsRequired();
        builder.Property(e => e.SenderName).HasMaxLength(NotificationSettings.MaxSenderNameLength + 100).IsRequired();
        builder.Property(e => e.ReplyTo).HasMaxLength(NotificationSettings.MaxReplyToLength);
        builder.Property(e => e.LastError).HasMaxLength(EmailNotification.MaxErrorLength);
        builder.HasOne<User>().WithMany().HasForeignKey(e => e.MerchantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Order>().WithMany().HasForeignKey(e => e.OrderId).OnDelete(DeleteBehavior.Cascade);

        // One e-mail per event and recipient: an event handled twice, or by two instances, plans nothing more.
        builder.HasIndex(e => new { e.EventId, e.Recipient }).IsUnique();

        // The sender's fair claim: the merchants with due e-mails, then each one's oldest due ones.
        builder.HasIndex(e => new { e.MerchantId, e.NextAttemptAt }).HasFilter("status = 'Pending'");

        // The order page, and a new e-mail superseding the order's older waiting ones.
        builder.HasIndex(e => new { e.OrderId, e.Recipient, e.OccurredAt });

        // The per-recipient and per-merchant limits count what was sent recently.
        builder.HasIndex(e => new { e.Recipient, e.SentAt }).HasFilter("status = 'Sent'");
        builder.HasIndex(e => new { e.MerchantId, e.SentAt }).HasFilter("status = 'Sent'");

        // The retention rule: by age.
        builder.HasIndex(e => e.CreatedAt);
    }
}
