using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderTracking.Domain.Orders;

namespace OrderTracking.Infrastructure.Persistence.Configurations;

/// <summary>The customer's request after a failed attempt: columns of the order's row (<c>delivery_request_*</c>), absent until sent.</summary>
public sealed class OrderDeliveryRequestConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> builder) =>
        builder.OwnsOne(o => o.DeliveryRequest, request =>
        {
            request.Property(r => r.Instructions).HasMaxLength(CustomerDeliveryRequest.MaxInstructionsLength);
            request.Property(r => r.RequestedAt).IsRequired();
        });
}
