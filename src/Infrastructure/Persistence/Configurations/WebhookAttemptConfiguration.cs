using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderTracking.Domain.Webhooks;

namespace OrderTracking.Infrastructure.Persistence.Configurations;

public sealed class WebhookAttemptConfiguration : IEntityTypeConfiguration<WebhookAttempt>
{
    public void Configure(EntityTypeBuilder<WebhookAttempt> builder)
    {
        builder.ToTable("webhook_attempts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Error).HasMaxLength(WebhookDelivery.MaxErrorLength);
        builder.Property(a => a.RequestHeaders).HasMaxLength(8000).IsRequired();
        builder.Property(a => a.ResponseHeaders).HasMaxLength(8000);
        builder.Property(a => a.ResponseBody).HasMaxLength(WebhookAttempt.MaxResponseBodyLength);

        // Attempts go with their delivery (deleted with its endpoint, or by retention).
        builder.HasOne<WebhookDelivery>().WithMany().HasForeignKey(a => a.DeliveryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.DeliveryId, a.AttemptedAt });
    }
}
