namespace OrderTracking.WebApi.Security;

/// <summary>
/// The browser transport of the refresh token (docs/decisions: refresh token in a cookie). A client that
/// sends <c>X-Session-Transport: cookie</c> gets the refresh token in an HttpOnly, SameSite=Strict cookie that only
/// the /api/auth routes receive, and never in a response body, so no script on the page can read it. The cookie is
/// only read when that header is there: a cross-site page cannot add it without a CORS preflight the API refuses.
/// Next to it goes <see cref="HintName"/>, readable by scripts and holding no secret ("1"), with the same lifetime:
/// it tells the client that a session may be restored on load, so a visitor who never signed in is asked nothing
/// (and sees no 401 in the console).
/// </summary>
public static class RefreshTokenCookie
{
    public const string TransportHeader = "X-Session-Transport";
    public const string CookieTransport = "cookie";
    public const int TransportHeaderMaxLength = 16;
    public const string Name = "ot_refresh";
    public const string Path = "/api/auth";
    public const string HintName = "ot_session";

    public static bool IsRequested(string? transport) => string.Equals(transport, CookieTransport, StringComparison.OrdinalIgnoreCase);

    public static string? Read(HttpRequest request) => request.Cookies[Name];

    /// <summary>Sets or rotates the cookie; <c>secure</c> is false only in Development over plain HTTP (the dev server, the browser tests).</summary>
    public static void Write(HttpResponse response, string refreshToken, TimeSpan lifetime, bool secure)
    {
        response.Cookies.Append(Name, refreshToken, Options(secure, lifetime));
        response.Cookies.Append(HintName, "1", HintOptions(secure, lifetime));
    }

    public static void Clear(HttpResponse response, bool secure)
    {
        response.Cookies.Delete(Name, Options(secure, maxAge: null));
        response.Cookies.Delete(HintName, HintOptions(secure, maxAge: null));
    }

    private static CookieOptions HintOptions(bool secure, TimeSpan? maxAge) => new()
    {
        HttpOnly = false,
        SameSite = SameSiteMode.Strict,
        Secure = secure,
        Path = "/",
        MaxAge = maxAge,
        IsEssential = true,
    };

    private static CookieOptions Options(bool secure, TimeSpan? maxAge) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = secure,
        Path = Path,
        MaxAge = maxAge,
        IsEssential = true,
    };
}
