namespace OrderTracking.Domain.Notifications;

/// <summary>
/// An address that asked for no more e-mails from a merchant: about one order, or (no <see cref="OrderId"/>) about
/// every order of that merchant. Planning and sending both check it, so an e-mail already waiting is withheld too.
/// </summary>
public sealed class EmailSuppression
{
    private EmailSuppression()
    {
        Address = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid MerchantId { get; private set; }

    /// <summary>Normalized (<see cref="EmailAddressMask.Normalize"/>).</summary>
    public string Address { get; private set; }

    /// <summary>Null: every order of the merchant.</summary>
    public Guid? OrderId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static EmailSuppression For(UnsubscribeScope scope, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        MerchantId = scope.MerchantId,
        Address = EmailAddressMask.Normalize(scope.Address),
        OrderId = scope.OrderId,
        CreatedAt = now,
    };
}
