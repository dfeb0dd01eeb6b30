using System.Net;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>Outside Development the live document and Swagger UI are served only when OpenApi:Enabled is true (see PlatformTests for that case).</summary>
public sealed class OpenApiExposureTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("/swagger/v1/swagger.json")]
    [InlineData("/swagger/index.html")]
    public async Task Outside_Development_the_live_document_and_Swagger_UI_are_not_served_by_default(string path)
    {
        var response = await api.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
