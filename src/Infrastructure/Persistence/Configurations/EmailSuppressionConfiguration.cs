using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderTracking.Domain.Notifications;
using OrderTracking.Domain.Orders;
using OrderTracking.Domain.Users;

namespace OrderTracking.Infrastructure.Persistence.Configurations;

public sealed class EmailSuppressionConfiguration : IEntityTypeConfiguration<EmailSuppression>
{
    public void Configure(EntityTypeBuilder<EmailSuppression> builder)
    {
        builder.ToTable("email_suppressions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Address).HasMaxLength(Customer.MaxEmailLength).IsRequired();
        builder.HasOne<User>().WithMany().HasForeignKey(s => s.MerchantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Order>().WithMany().HasForeignKey(s => s.OrderId).OnDelete(DeleteBehavior.Cascade);

        // Unsubscribing twice records one row; "every order" (no order id) counts as one value, not as distinct nulls.
        builder.HasIndex(s => new { s.MerchantId, s.Address, s.OrderId }).IsUnique().AreNullsDistinct(false);
    }
}
