using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderTracking.Domain.Webhooks;

namespace OrderTracking.Infrastructure.Persistence.Configurations;

public sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    /// <summary>Insertion order, the tie-break of <see cref="WebhookDelivery.OccurredAt"/> for one order's events raised in one save.</summary>
    public const string Sequence = "Sequence";

    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.ToTable("webhook_deliveries");
        builder.HasKey(d => d.Id);
        builder.Property<long>(Sequence).UseIdentityAlwaysColumn();
        builder.Property(d => d.EventType).HasMaxLength(WebhookEventTypes.MaxLength).IsRequired();
        builder.Property(d => d.Payload).IsRequired();
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(20).IsRequired();
        builder.Property(d => d.LastError).HasMaxLength(WebhookDelivery.MaxErrorLength);

        // A send writes its outcome only on the delivery as its claim left it: a send that outlived its lease (another
        // instance took the delivery over) or a save repeated after a commit whose answer was lost finds the lease
        // changed and writes nothing over the newer state.
        builder.Property(d => d.ClaimedUntil).IsConcurrencyToken();
        builder.HasOne<WebhookEndpoint>().WithMany().HasForeignKey(d => d.EndpointId).OnDelete(DeleteBehavior.Cascade);

        // One delivery per event and endpoint: a handler that runs twice for an event plans nothing more.
        builder.HasIndex(d => new { d.EndpointId, d.EventId }).IsUnique();

        // The worker's claim: per endpoint, its pending deliveries by due time.
        builder.HasIndex(d => new { d.EndpointId, d.NextAttemptAt }).HasFilter("status = 'Pending'");

        // The claim's count of sends in flight: only the claimed rows.
        builder.HasIndex(d => d.EndpointId).HasFilter("claimed_until IS NOT NULL").HasDatabaseName("ix_webhook_deliveries_endpoint_id_claimed");

        // The log (newest first) and the per-order ordering check.
        builder.HasIndex(d => new { d.EndpointId, d.CreatedAt });
        builder.HasIndex(d => new { d.EndpointId, d.OrderId, d.OccurredAt }).HasFilter("status = 'Pending'");

        // The retention job's search for finished deliveries past their keeping time.
        builder.HasIndex(d => d.CreatedAt).HasFilter("status <> 'Pending'");
    }
}
