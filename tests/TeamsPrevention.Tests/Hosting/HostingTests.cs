using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;
using TeamsPrevention.Tests.Infrastructure;

namespace TeamsPrevention.Tests.Hosting;

public sealed class HostingTests
{
    private static readonly Dictionary<string, string?> ProductionSettings = new()
    {
        ["Bot:AllowAnonymous"] = "false",
        ["Tenant:ClientSecret"] = "a-production-secret",
        ["Situations:IdentityKey"] = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)(i * 3)).ToArray()),
        ["Tab:TeamsAppId"] = "5d7c1e2a-8f34-4b6d-9a0e-2c4b6d8f0a13",
        ["Audit:ChainKeys:0:Id"] = "2026a",
        ["Audit:ChainKeys:0:Key"] = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)(i * 5)).ToArray()),
    };

    [Fact]
    public async Task AnswersLiveAndReadyGivenAFreshSqliteFile()
    {
        using var app = new AppFactory();
        using var client = app.CreateClient();

        Assert.Equal("Healthy", await client.GetStringAsync("/health/live"));
        Assert.Equal("Healthy", await client.GetStringAsync("/health/ready"));
    }

    [Fact]
    public async Task AnswersProblemDetailsGivenAnUnknownRoute()
    {
        using var app = new AppFactory();
        using var client = app.CreateClient();

        var response = await client.GetAsync("/no-such-route");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task StartsInProductionGivenMicrosoftEndpointsAndASecret()
    {
        using var app = new AppFactory(ProductionSettings, environment: "Production");
        using var client = app.CreateClient();

        Assert.Equal("Healthy", await client.GetStringAsync("/health/live"));
    }

    [Theory]
    [InlineData("Sandbox:Embedded", "true", "Sandbox:Embedded")]
    [InlineData("Sandbox:BaseUrl", "http://127.0.0.1:5090/sandbox/", "Sandbox:BaseUrl")]
    [InlineData("Tenant:GraphBaseUrl", "http://graph.example/v1.0", "Tenant:GraphBaseUrl")]
    [InlineData("Tenant:Instance", "https://127.0.0.1/", "Tenant:Instance")]
    [InlineData("Tenant:ClientSecret", "", "Tenant:ClientSecret")]
    [InlineData("Situations:IdentityKey", "", "Situations:IdentityKey")]
    [InlineData("Tab:TeamsAppId", "", "Tab:TeamsAppId")]
    [InlineData("Tab:TeamsAppId", "TeamsPrevention", "Tab:TeamsAppId")]
    [InlineData("Audit:ChainKeys:0:Key", "", "Audit:ChainKeys")]
    [InlineData("Audit:ChainKeys:0:Key", "c2hvcnQ=", "Audit:ChainKeys")]
    public void RefusesToStartInProductionGivenAnUnsafeSetting(string key, string value, string named)
    {
        var settings = new Dictionary<string, string?>(ProductionSettings) { [key] = value };
        using var app = new AppFactory(settings, environment: "Production");

        var failure = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        // Several options may fail together (the host then throws an AggregateException): every one is a validation.
        var validations = failure is AggregateException aggregate ? aggregate.Flatten().InnerExceptions : [failure];
        Assert.All(validations, v => Assert.IsType<OptionsValidationException>(v));
        var messages = validations.Cast<OptionsValidationException>().SelectMany(v => v.Failures);
        Assert.Contains(messages, m => m.Contains(named, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TellsBrowsersToKeepToHttpsInProduction()
    {
        using var app = new AppFactory(ProductionSettings, environment: "Production");
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://tp.example/") });

        using var response = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Equal("max-age=31536000; includeSubDomains", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
    }

    [Fact]
    public async Task SendsNoHstsInDevelopment()
    {
        using var app = new AppFactory();
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://tp.example/") });

        using var response = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task ServesTheOpenApiDocumentOnlyInDevelopment()
    {
        using var production = new AppFactory(ProductionSettings, environment: "Production");
        using var development = new AppFactory();

        using var hidden = await production.CreateClient().GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        using var shown = await development.CreateClient().GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Equal("application/json", shown.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public void StartsInDevelopmentGivenTheSandbox()
    {
        using var app = new AppFactory(new Dictionary<string, string?> { ["Sandbox:BaseUrl"] = "http://127.0.0.1:5090/sandbox/" });

        using var client = app.CreateClient();
    }
}
