namespace OrderTracking.WebApi.Security;

/// <summary>
/// The browser transport of the refresh token (docs/decisions: refresh token in a cookie). A client that
/// sends <c>X-Session-Transport: cookie</c> gets the refresh token in an HttpOnly, SameSite=Strict cookie, and never
/// in a response body, so no script on the page can read it. The cookie is only read when that header is there: a
/// cross-site page cannot add it without a CORS preflight the API refuses.
/// Next to it goes <see cref="HintName"/>, readable by scripts and holding no secret ("1"), with the same lifetime:
/// it tells the client that a session may be restored on load, so a visitor who never signed in is asked nothing
/// (and sees no 401 in the console). The API never reads it.
/// </summary>
/// <remarks>
/// The <c>__Host-</c> prefix makes the browser accept the cookie only when it is <c>Secure</c>, has <c>Path=/</c> and
/// names no <c>Domain</c>, so a sibling subdomain cannot plant a cookie of this name that the browser would send
/// first. It is therefore <c>Secure</c> everywhere, Development included: browsers take secure cookies from plain
/// HTTP on localhost and loopback addresses, where Development runs. No other cookie name is read. The hint takes
/// the same prefix and attributes, so it is set and cleared under exactly the same conditions as the token.
/// </remarks>
public static class RefreshTokenCookie
{
    public const string TransportHeader = "X-Session-Transport";
    public const string CookieTransport = "cookie";
    public const int TransportHeaderMaxLength = 16;
    public const string Name = "__Host-ot_refresh";
    public const string HintName = "__Host-ot_session";

    public static bool IsRequested(string? transport) => string.Equals(transport, CookieTransport, StringComparison.OrdinalIgnoreCase);

    public static string? Read(HttpRequest request) => request.Cookies[Name];

    /// <summary>Sets or rotates the cookie and its hint.</summary>
    public static void Write(HttpResponse response, string refreshToken, TimeSpan lifetime)
    {
        response.Cookies.Append(Name, refreshToken, Options(httpOnly: true, lifetime));
        response.Cookies.Append(HintName, "1", Options(httpOnly: false, lifetime));
    }

    public static void Clear(HttpResponse response)
    {
        response.Cookies.Delete(Name, Options(httpOnly: true, maxAge: null));
        response.Cookies.Delete(HintName, Options(httpOnly: false, maxAge: null));
    }

    private static CookieOptions Options(bool httpOnly, TimeSpan? maxAge) => new()
    {
        HttpOnly = httpOnly,
        SameSite = SameSiteMode.Strict,
        Secure = true,
        Path = "/",
        MaxAge = maxAge,
        IsEssential = true,
    };
}
