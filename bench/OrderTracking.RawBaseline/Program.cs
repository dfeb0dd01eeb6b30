using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;
using Npgsql;
using OrderTracking.RawBaseline;

// The raw baseline of the HTTP benchmark: what the stack does without the architecture. Kestrel, the same JWT
// bearer validation as the product, and one hand-written Npgsql statement (or one transaction) per route on the
// product's own tables, answering with the same JSON shape. It is not a product: it skips every rule the real
// API checks (lifecycle parties, validation, idempotency) so the benchmark can show what the layers cost.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var signingKey = builder.Configuration["Jwt:SigningKey"] is { Length: > 0 } key
    ? key
    : throw new InvalidOperationException("Jwt__SigningKey is required: the baseline validates the product's tokens.");
// Statements prepared on each connection once they repeat, like the product's pools (Database__MaxAutoPrepare, 200).
var dataSource = new NpgsqlDataSourceBuilder(builder.Configuration.GetConnectionString("OrderTracking"));
dataSource.ConnectionStringBuilder.MaxAutoPrepare = builder.Configuration.GetValue("Database:MaxAutoPrepare", 200);
builder.Services.AddSingleton(dataSource.Build());
builder.Services.AddSingleton<RawOrders>();
builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(bearer =>
{
    bearer.MapInboundClaims = false;
    bearer.TokenValidationParameters = new TokenValidationParameters
    {
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey)),
        ValidIssuer = builder.Configuration["Jwt:Issuer"] ?? "order-tracking",
        ValidAudience = builder.Configuration["Jwt:Audience"] ?? "order-tracking",
        ClockSkew = TimeSpan.FromSeconds(30),
        NameClaimType = "name",
        RoleClaimType = "role",
    };
});
builder.Services.AddAuthorization();

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
app.MapGet("/health/ready", () => "ok");
app.MapGet("/api/orders/{id:guid}", (Guid id, HttpContext http, RawOrders orders) => orders.GetAsync(id, http)).RequireAuthorization();
app.MapGet("/api/orders", (string? cursor, HttpContext http, RawOrders orders) => orders.ListAsync(cursor, http)).RequireAuthorization();
app.MapPost("/api/orders", (HttpContext http, RawOrders orders) => orders.CreateAsync(http)).RequireAuthorization();
app.MapPost("/api/orders/{id:guid}/status", (Guid id, HttpContext http, RawOrders orders) => orders.ChangeStatusAsync(id, http)).RequireAuthorization();
app.MapGet("/api/tracking/{code}", (string code, HttpContext http, RawOrders orders) => orders.TrackingAsync(code, http));
app.Run();
