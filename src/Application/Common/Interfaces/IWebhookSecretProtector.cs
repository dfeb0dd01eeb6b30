namespace OrderTracking.Application.Common.Interfaces;

/// <summary>
/// Encrypts webhook signing secrets for storage and decrypts them for signing, with keys held apart from the rows
/// (so a copy of the endpoints table alone reveals no secret).
/// </summary>
public interface IWebhookSecretProtector
{
    string Protect(string secret);

    string Unprotect(string protectedSecret);
}
