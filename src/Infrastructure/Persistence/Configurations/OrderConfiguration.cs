using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using OrderTracking.Domain.Orders;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Merchants;

namespace OrderTracking.Infrastructure.Persistence.Configurations;

public sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    private static readonly ValueConverter<TimeSpan, double> Seconds = new(
        span => span.Ticks / (double)TimeSpan.TicksPerSecond,
        seconds => TimeSpan.FromTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond)));

    public void Configure(EntityTypeBuilder<Order> builder)
    {
        builder.ToTable("orders");
        builder.HasKey(o => o.Id);
        builder.Ignore(o => o.DomainEvents);
        builder.Ignore(o => o.IsTerminal);
        builder.Ignore(o => o.IsInPickupPool);
        builder.Ignore(o => o.AwaitsPickup);

        builder.Property(o => o.TrackingCode).HasMaxLength(TrackingCode.Length).IsRequired();
        builder.HasIndex(o => o.TrackingCode).IsUnique();

        // The search's "starts with" on the code: the unique index above follows the database's collation, which LIKE
        // 'OT-7F3K%' cannot use unless it is C; text_pattern_ops compares bytes, which codes (ASCII) allow.
        builder.HasIndex(o => o.TrackingCode, "ix_orders_tracking_code_prefix").HasOperators("text_pattern_ops")
            .HasDatabaseName("ix_orders_tracking_code_prefix");
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(32);
        builder.Property(o => o.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(o => o.Total).HasPrecision(Money.Precision, Money.Scale);
        builder.Property(o => o.Notes).HasMaxLength(Order.MaxNotesLength);

        // The timeline's length, kept by the aggregate (each change appends one entry and moves it on): the version an
        // UPDATE is checked against, known before the save. An order inserted without its timeline (a test's or an
        // import's row) starts at 1. Why not xmin any more: docs/decisions/0027-the-order-version-is-its-timeline.md.
        builder.Property(o => o.Version).HasConversion<int>().IsConcurrencyToken().HasDefaultValue(1u);

        builder.OwnsOne(o => o.Customer, customer =>
        {
            customer.Property(c => c.Name).HasMaxLength(Customer.MaxNameLength).IsRequired();
            customer.Property(c => c.Phone).HasMaxLength(Customer.MaxPhoneLength).IsRequired();
            customer.Property(c => c.Email).HasMaxLength(Customer.MaxEmailLength);
            customer.Property(c => c.Language).HasMaxLength(Locale.MaxLanguageLength);
            customer.Property(c => c.TimeZone).HasMaxLength(Locale.MaxTimeZoneLength);
            customer.HasIndex(c => c.Name).HasMethod("gin").HasOperators("gin_trgm_ops");
        });
        builder.Navigation(o => o.Customer).IsRequired();

        builder.OwnsOne(o => o.DeliveryAddress, address =>
        {
            address.Property(a => a.Line1).HasMaxLength(DeliveryAddress.MaxLineLength).IsRequired();
            address.Property(a => a.Line2).HasMaxLength(DeliveryAddress.MaxLineLength);
            address.Property(a => a.City).HasMaxLength(DeliveryAddress.MaxCityLength).IsRequired();
            address.Property(a => a.PostalCode).HasMaxLength(DeliveryAddress.MaxPostalCodeLength).IsRequired();
            address.Property(a => a.Country).HasMaxLength(DeliveryAddress.MaxCountryLength).IsRequired();

            // The search's "contains" on the delivery area, like the customer's name above (trigrams).
            address.HasIndex(a => a.City).HasMethod("gin").HasOperators("gin_trgm_ops");
            address.HasIndex(a => a.PostalCode).HasMethod("gin").HasOperators("gin_trgm_ops");
        });
        builder.Navigation(o => o.DeliveryAddress).IsRequired();

        // A copy, not a reference: editing or removing the merchant's location later leaves the order as it was.
        builder.OwnsOne(o => o.Pickup, pickup =>
        {
            pickup.Property(p => p.Label).HasMaxLength(PickupLocation.MaxLabelLength).IsRequired();
            pickup.Property(p => p.Instructions).HasMaxLength(PickupLocation.MaxInstructionsLength);
            pickup.OwnsOne(p => p.Address, AddressColumns.Configure);
            pickup.Navigation(p => p.Address).IsRequired();
        });

        builder.OwnsMany(o => o.Items, items =>
        {
            items.ToTable("order_items");
            items.WithOwner().HasForeignKey("OrderId");
            items.Property<int>("Id").UseIdentityAlwaysColumn();
            items.HasKey("Id");
            items.Property(i => i.Name).HasMaxLength(OrderItem.MaxNameLength).IsRequired();
            items.Property(i => i.UnitPrice).HasPrecision(Money.Precision, Money.Scale);
            items.Ignore(i => i.LineTotal);
        });

        // Seconds as double precision, so analytics sums and averages them as plain numbers.
        builder.ComplexProperty(o => o.TimeInStatus, time =>
        {
            time.Property(t => t.Pending).HasColumnName("seconds_in_pending").HasConversion(Seconds);
            time.Property(t => t.Confirmed).HasColumnName("seconds_in_confirmed").HasConversion(Seconds);
            time.Property(t => t.Preparing).HasColumnName("seconds_in_preparing").HasConversion(Seconds);
            time.Property(t => t.ReadyForPickup).HasColumnName("seconds_in_ready_for_pickup").HasConversion(Seconds);
            time.Property(t => t.PickedUp).HasColumnName("seconds_in_picked_up").HasConversion(Seconds);
            time.Property(t => t.InTransit).HasColumnName("seconds_in_in_transit").HasConversion(Seconds);
            time.Property(t => t.DeliveryFailed).HasColumnName("seconds_in_delivery_failed").HasConversion(Seconds);
        });

        builder.HasMany(o => o.History).WithOne().HasForeignKey(h => h.OrderId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(o => o.History).UsePropertyAccessMode(PropertyAccessMode.Field);

        // Keyset paging reads (created_at DESC, id DESC); each list filter leads with its own column.
        builder.HasIndex(o => new { o.CreatedAt, o.Id }).IsDescending(true, true);
        builder.HasIndex(o => new { o.MerchantId, o.CreatedAt, o.Id }).IsDescending(false, true, true);
        builder.HasIndex(o => new { o.AssignedCourierId, o.CreatedAt, o.Id }).IsDescending(false, true, true);
        builder.HasIndex(o => new { o.AssignedPartnerId, o.CreatedAt, o.Id }).IsDescending(false, true, true);
        builder.HasIndex(o => new { o.Status, o.CreatedAt, o.Id }).IsDescending(false, true, true);

        // The analytics indexes (covering indexes that include the TimeInStatus columns, and an expression index on
        // the delivery time) are created in the AnalyticsSummary migration: EF Core cannot describe them.
    }
}
