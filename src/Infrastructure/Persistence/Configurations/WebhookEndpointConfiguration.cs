using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderTracking.Domain.Webhooks;

namespace OrderTracking.Infrastructure.Persistence.Configurations;

public sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> builder)
    {
        builder.ToTable("webhook_endpoints");
        builder.HasKey(e => e.Id);
        builder.Ignore(e => e.Owner);
        builder.Property(e => e.OwnerType).HasConversion<string>().HasMaxLength(20).IsRequired();
        builder.Property(e => e.Url).HasMaxLength(WebhookUrl.MaxLength).IsRequired();
        builder.Property(e => e.Events).HasField("_events").UsePropertyAccessMode(PropertyAccessMode.Field).IsRequired();

        // Signing secrets, not password hashes: the sender needs them to sign (see the webhooks ADR).
        builder.Property(e => e.Secret).HasMaxLength(WebhookSigningSecret.Length).IsRequired();
        builder.Property(e => e.PreviousSecret).HasMaxLength(WebhookSigningSecret.Length);
        builder.HasIndex(e => new { e.OwnerType, e.OwnerId });
    }
}
