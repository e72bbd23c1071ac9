using System.Net;
using System.Text;
using System.Text.Json;

namespace TeamsPrevention.Tests.Bot;

/// <summary><c>POST /api/messages</c>: size cap, malformed and incomplete activities.</summary>
public sealed class BotEndpointTests
{
    private static readonly Dictionary<string, string?> SmallCap = new() { ["Bot:MaxActivityBytes"] = "4096" };

    [Fact]
    public async Task AnswersBadRequestGivenMalformedJson()
    {
        await using var bot = await BotHarness.StartAsync();

        using var response = await bot.PostRawAsync("""{"type":"message", "conversation": {""", bot.BotToken());

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Empty(bot.Connector.Requests);
        Assert.Empty(await bot.StoredConversationsAsync());
    }

    [Theory]
    [InlineData("type")]
    [InlineData("conversation")]
    [InlineData("serviceUrl")]
    public async Task AnswersBadRequestGivenActivityWithoutRequiredField(string field)
    {
        await using var bot = await BotHarness.StartAsync();
        var activity = bot.LoadActivity("message-personal", "fr-BE", "aide");
        activity.Remove(field);

        using var response = await bot.PostAsync(activity, bot.BotToken());

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Empty(bot.Connector.Requests);
        Assert.Empty(await bot.StoredConversationsAsync());
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("""{"type": 42}""")]
    [InlineData("""{"type":"message","timestamp":"yesterday"}""")]
    public async Task AnswersBadRequestGivenJsonThatIsNoActivity(string body)
    {
        await using var bot = await BotHarness.StartAsync();

        using var response = await bot.PostRawAsync(body, bot.BotToken());

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AnswersPayloadTooLargeGivenContentLengthOverTheCap()
    {
        await using var bot = await BotHarness.StartAsync(SmallCap);
        var activity = bot.LoadActivity("message-personal", "fr-BE", new string('x', 5000));

        using var response = await bot.PostAsync(activity, bot.BotToken());

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Empty(bot.Connector.Requests);
        Assert.Empty(await bot.StoredConversationsAsync());
    }

    [Fact]
    public async Task AnswersPayloadTooLargeGivenStreamedBodyOverTheCap()
    {
        await using var bot = await BotHarness.StartAsync(SmallCap, kestrel: true);
        var activity = bot.LoadActivity("message-personal", "fr-BE", new string('x', 5000));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new UnknownLengthContent(Encoding.UTF8.GetBytes(activity.ToJsonString())),
        };
        request.Headers.Authorization = new("Bearer", bot.BotToken());

        using var response = await bot.Client.SendAsync(request);

        Assert.Null(request.Content.Headers.ContentLength);
        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Empty(bot.Connector.Requests);
    }

    [Fact]
    public async Task AcceptsStreamedActivityUnderTheCap()
    {
        await using var bot = await BotHarness.StartAsync(SmallCap, kestrel: true);
        var activity = bot.LoadActivity("message-personal", "fr-BE", "aide");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new UnknownLengthContent(Encoding.UTF8.GetBytes(activity.ToJsonString())),
        };
        request.Headers.Authorization = new("Bearer", bot.BotToken());

        using var response = await bot.Client.SendAsync(request);

        Assert.Null(request.Content.Headers.ContentLength);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(bot.Connector.Requests); // The help text was sent: the whole activity was read.
    }

    [Fact]
    public async Task AcceptsActivityJustUnderTheCap()
    {
        await using var bot = await BotHarness.StartAsync(SmallCap);
        var activity = bot.LoadActivity("message-personal", "fr-BE", "aide");

        using var response = await bot.PostAsync(activity, bot.BotToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AcknowledgesUnknownActivityTypeWithoutAnswering()
    {
        await using var bot = await BotHarness.StartAsync();
        var activity = bot.LoadActivity("message-personal", "fr-BE", "aide");
        activity["type"] = "messageReaction";

        using var response = await bot.PostAsync(activity, bot.BotToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(bot.Connector.Requests);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((int)status, problem.RootElement.GetProperty("status").GetInt32());
    }

    /// <summary>A body sent chunked, with no Content-Length.</summary>
    private sealed class UnknownLengthContent(byte[] bytes) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) =>
            stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }
}
