using OrderTracking.WebApi;
using OrderTracking.WebApi.Operations;

EnvironmentFile.Load();

var builder = WebApplication.CreateBuilder(args);
builder.AddOrderTrackingServices();
var app = builder.Build();

if (OperationsVerb.TryParse(args, out var verb))
{
    return await verb.RunAsync(app.Services);
}

await app.PrepareDatabaseAsync();
app.UseOrderTrackingPipeline();
await app.RunAsync();
return 0;

/// <summary>The WebApi's entry point; public so integration tests can host it.</summary>
public partial class Program;
