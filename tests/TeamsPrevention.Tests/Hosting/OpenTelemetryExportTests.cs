using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using TeamsPrevention.Tests.Infrastructure;

namespace TeamsPrevention.Tests.Hosting;

/// <summary>The OTLP exporter is switched on by configuration and sends the App's traces to a collector.</summary>
public sealed class OpenTelemetryExportTests
{
    [Fact]
    public async Task ExportsTracesToTheConfiguredCollectorOverHttp()
    {
        var received = new ConcurrentQueue<(string Path, string ContentType, long Length)>();
        var port = FreePort.Next();
        var collectorBuilder = WebApplication.CreateSlimBuilder();
        collectorBuilder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        await using var collector = collectorBuilder.Build();
        collector.MapPost("/v1/{signal}", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            received.Enqueue((context.Request.Path, context.Request.ContentType ?? "", body.Length));
            return Results.Ok();
        });
        await collector.StartAsync();

        var app = new AppFactory(new Dictionary<string, string?>
        {
            ["Telemetry:OtlpEndpoint"] = $"http://127.0.0.1:{port}",
            ["Telemetry:OtlpProtocol"] = "HttpProtobuf",
            // Export spans every 200 ms while the App runs (OpenTelemetry reads OTEL_* settings from configuration).
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
        });
        using (var client = app.CreateClient())
        {
            await client.GetAsync("/no-such-route");

            // A loaded machine may need a few export rounds (the exporter retries a collector it could not reach).
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!received.Any(r => r.Path == "/v1/traces") && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }

        app.Dispose();

        var traces = received.Where(r => r.Path == "/v1/traces").ToList();
        Assert.NotEmpty(traces);
        Assert.All(traces, t => Assert.Equal("application/x-protobuf", t.ContentType));
        Assert.All(traces, t => Assert.True(t.Length > 0));
    }
}
