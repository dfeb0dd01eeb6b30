using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OrderTracking.Domain.Users;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

public sealed class ForgedTokenTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static string Sign(Guid userId, Guid sessionId, string? key = null, string issuer = "order-tracking", string audience = "order-tracking",
        DateTime? expires = null, string algorithm = SecurityAlgorithms.HmacSha256)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = (expires ?? now.AddMinutes(10)).AddMinutes(-20),
            NotBefore = (expires ?? now.AddMinutes(10)).AddMinutes(-20),
            Expires = expires ?? now.AddMinutes(10),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key ?? ApiFactory.SigningKey)), algorithm),
            Subject = new ClaimsIdentity([new Claim("sub", userId.ToString()), new Claim("name", "Forger"), new Claim("role", "Admin"), new Claim("sv", "0", ClaimValueTypes.Integer32), new Claim("sid", sessionId.ToString())]),
        });
    }

    /// <summary>An admin with a live session (signed in through the API), so the only thing wrong with a forged token is its forgery.</summary>
    private async Task<(TestUser Admin, Guid SessionId)> SignedInAdminAsync()
    {
        var admin = await api.CreateUserAsync(UserRole.Admin);
        var token = (await api.ClientForAsync(admin)).DefaultRequestHeaders.Authorization!.Parameter;
        return (admin, Guid.Parse(new JsonWebTokenHandler().ReadJsonWebToken(token).GetClaim("sid").Value));
    }

    private static string Unsigned(Guid userId)
    {
        static string Part(string json) => Base64UrlEncoder.Encode(json);
        var exp = DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeSeconds();
        return $"{Part("{\"alg\":\"none\",\"typ\":\"JWT\"}")}.{Part($"{{\"sub\":\"{userId}\",\"role\":\"Admin\",\"iss\":\"order-tracking\",\"aud\":\"order-tracking\",\"exp\":{exp}}}")}.";
    }

    [Fact]
    public async Task A_correctly_signed_token_works_so_the_refusals_below_mean_something()
    {
        var (admin, session) = await SignedInAdminAsync();
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Sign(admin.Id, session));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/users")).StatusCode);
    }

    [Fact]
    public async Task A_well_signed_token_whose_subject_names_no_user_is_401()
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Sign(Guid.NewGuid(), Guid.NewGuid()));

        var response = await client.GetAsync("/api/users");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await response.ProblemAsync();
    }

    [Fact]
    public async Task A_well_signed_token_without_a_session_version_is_401()
    {
        var admin = await api.CreateUserAsync(UserRole.Admin);
        var client = api.CreateClient();
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "order-tracking",
            Audience = "order-tracking",
            Expires = DateTime.UtcNow.AddMinutes(10),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(ApiFactory.SigningKey)), SecurityAlgorithms.HmacSha256),
            Subject = new ClaimsIdentity([new Claim("sub", admin.Id.ToString()), new Claim("role", "Admin")]),
        });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/users")).StatusCode);
    }

    [Theory]
    [InlineData("alg none")]
    [InlineData("other key")]
    [InlineData("wrong issuer")]
    [InlineData("wrong audience")]
    [InlineData("expired")]
    [InlineData("HS512")]
    [InlineData("garbage")]
    public async Task Forged_or_expired_tokens_are_401(string forgery)
    {
        var (admin, session) = await SignedInAdminAsync();
        var token = forgery switch
        {
            "alg none" => Unsigned(admin.Id),
            "other key" => Sign(admin.Id, session, key: "another-key-that-is-also-long-enough-0123456789"),
            "wrong issuer" => Sign(admin.Id, session, issuer: "someone-else"),
            "wrong audience" => Sign(admin.Id, session, audience: "someone-else"),
            "expired" => Sign(admin.Id, session, expires: DateTime.UtcNow.AddMinutes(-2)),
            "HS512" => Sign(admin.Id, session, key: ApiFactory.SigningKey + ApiFactory.SigningKey, algorithm: SecurityAlgorithms.HmacSha512),
            _ => "not.a.jwt",
        };
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var response = await client.GetAsync("/api/users");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await response.ProblemAsync();
    }
}
