namespace OrderTracking.WebApi.Security;

public static class AuthPolicies
{
    /// <summary>A person signed in with a JWT access token. API keys are refused.</summary>
    public const string User = "User";

    /// <summary>A delivery partner's system with an API key. JWTs are refused.</summary>
    public const string Partner = "Partner";
}
