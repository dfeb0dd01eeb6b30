using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderTracking.Domain.Webhooks;

namespace OrderTracking.Infrastructure.Persistence.Configurations;

public sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpoint>
{
    /// <summary>Room for a Data Protection payload of a 49-character secret (about 150 characters) with plenty to spare.</summary>
    public const int ProtectedSecretMaxLength = 1000;

    public void Configure(EntityTypeBuilder<WebhookEndpoint> builder)
    {
        builder.ToTable("webhook_endpoints");
        builder.HasKey(e => e.Id);
        builder.Ignore(e => e.Owner);
        builder.Property(e => e.OwnerType).HasConversion<string>().HasMaxLength(20).IsRequired();
        builder.Property(e => e.Url).HasMaxLength(WebhookUrl.MaxLength).IsRequired();
        builder.Property(e => e.Events).HasField("_events").UsePropertyAccessMode(PropertyAccessMode.Field).IsRequired();
        builder.Property(e => e.DisabledReason).HasConversion<string>().HasMaxLength(40);

        // Signing secrets, encrypted with Data Protection (see the secrets-at-rest ADR): the sender needs them to sign.
        builder.Property(e => e.ProtectedSecret).HasColumnName("secret").HasMaxLength(ProtectedSecretMaxLength).IsRequired();
        builder.Property(e => e.ProtectedPreviousSecret).HasColumnName("previous_secret").HasMaxLength(ProtectedSecretMaxLength);

        // One endpoint per place of an owner: the limit on endpoints holds even when two are created at once.
        builder.HasIndex(e => new { e.OwnerType, e.OwnerId, e.Slot }).IsUnique();
    }
}
