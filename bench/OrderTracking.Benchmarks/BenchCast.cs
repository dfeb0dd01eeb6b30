using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Partners;
using OrderTracking.Domain.Users;
using OrderTracking.Infrastructure.Identity;
using OrderTracking.Infrastructure.Persistence;

namespace OrderTracking.Benchmarks;

/// <summary>The accounts of the benchmark data: one admin, twenty merchants of very different sizes, forty couriers, two partners.</summary>
public sealed record BenchCast(IReadOnlyList<Actor> Merchants, IReadOnlyList<Actor> Couriers, IReadOnlyList<(Actor Actor, string Name)> Partners)
{
    public const string AdminEmail = "admin@bench.example";
    public const string Password = "Bench-password-1!";

    /// <summary>The merchant with the most orders (merchants are weighted by their position).</summary>
    public static string MerchantEmail(int index) => $"merchant{index + 1:00}@bench.example";

    public static async Task<BenchCast> EnsureAsync(AppDbContext db)
    {
        if (!await db.Users.AnyAsync(u => u.Email == AdminEmail))
        {
            var now = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
            var hash = new BCryptPasswordHasher(Options.Create(new PasswordHashingOptions { WorkFactor = 10 })).Hash(Password);
            db.Users.Add(User.Create(AdminEmail, "Bench Admin", UserRole.Admin, hash, now));
            string[] shops = ["Bakery", "Books", "Florist", "Grocer", "Pharmacy", "Deli", "Outfitters", "Toys", "Wine", "Hardware"];
            for (var i = 0; i < 20; i++)
            {
                db.Users.Add(User.Create(MerchantEmail(i), $"{(char)('A' + i)}. {shops[i % shops.Length]}", UserRole.Merchant, hash, now.AddMinutes(i)));
            }

            for (var i = 0; i < 40; i++)
            {
                db.Users.Add(User.Create($"courier{i + 1:00}@bench.example", $"Courier {i + 1}", UserRole.Delivery, hash, now.AddMinutes(i)));
            }

            db.DeliveryPartners.AddRange(DeliveryPartner.Create("Swift Parcels", now), DeliveryPartner.Create("Citywide Couriers", now));
            await db.SaveChangesAsync();
        }

        var users = await db.Users.AsNoTracking().Where(u => u.Email.EndsWith("@bench.example")).OrderBy(u => u.Email).ToListAsync();
        var partners = await db.DeliveryPartners.AsNoTracking().OrderBy(p => p.Name).ToListAsync();
        return new BenchCast(
            users.Where(u => u.Role == UserRole.Merchant).Select(u => u.AsActor()).ToList(),
            users.Where(u => u.Role == UserRole.Delivery).Select(u => u.AsActor()).ToList(),
            partners.Select(p => (p.AsActor(), p.Name)).ToList());
    }
}
