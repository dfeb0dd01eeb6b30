namespace OrderTracking.Application.Common.Interfaces;

public interface IPasswordHasher
{
    string Hash(string password);

    bool Verify(string password, string hash);

    /// <summary>Spends as long as a real <see cref="Verify"/> so an unknown email cannot be told apart by timing.</summary>
    void VerifyAgainstDummy(string password);
}
