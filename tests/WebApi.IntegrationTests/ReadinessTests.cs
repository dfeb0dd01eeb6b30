using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OrderTracking.WebApi.Health;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>An instance that is still warming up is not ready, and says so without logging a failure.</summary>
public sealed class ReadinessTests(ReadinessTests.Factory api) : IClassFixture<ReadinessTests.Factory>
{
    /// <summary>The warm-up never runs here, so the instance stays in the state every start passes through.</summary>
    public sealed class Factory : ApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                var warmUp = services.Single(service => service.ImplementationType == typeof(WarmUpService));
                services.Remove(warmUp);
            });
        }
    }

    [Fact]
    public async Task While_warming_up_readiness_is_503_and_nothing_is_logged_as_an_error_then_it_turns_ready()
    {
        var client = api.CreateClient();

        var warming = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, warming.StatusCode);
        Assert.Equal("Unhealthy: warming up", await warming.Content.ReadAsStringAsync());
        Assert.DoesNotContain(api.Logs.Lines, line => line.StartsWith("Error ", StringComparison.Ordinal) || line.StartsWith("Critical ", StringComparison.Ordinal));

        api.Services.GetRequiredService<InstanceReadiness>().MarkWarm();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }
}
