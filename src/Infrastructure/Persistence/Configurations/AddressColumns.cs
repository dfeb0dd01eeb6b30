using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderTracking.Domain.Orders;

namespace OrderTracking.Infrastructure.Persistence.Configurations;

/// <summary>The columns of an address wherever one is stored: an order's drop-off and pickup, a merchant's pickup location.</summary>
public static class AddressColumns
{
    public static void Configure<TOwner>(OwnedNavigationBuilder<TOwner, DeliveryAddress> address)
        where TOwner : class
    {
        address.Property(a => a.Line1).HasMaxLength(DeliveryAddress.MaxLineLength).IsRequired();
        address.Property(a => a.Line2).HasMaxLength(DeliveryAddress.MaxLineLength);
        address.Property(a => a.City).HasMaxLength(DeliveryAddress.MaxCityLength).IsRequired();
        address.Property(a => a.PostalCode).HasMaxLength(DeliveryAddress.MaxPostalCodeLength).IsRequired();
        address.Property(a => a.Country).HasMaxLength(DeliveryAddress.MaxCountryLength).IsRequired();
    }
}
