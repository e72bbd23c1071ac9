using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TeamsPrevention.EndToEnd.Infrastructure;

namespace TeamsPrevention.EndToEnd.Playground;

/// <summary>
/// The Microsoft 365 Agents Playground (npm <c>@microsoft/m365agentsplayground</c>) as a local Teams client for one test:
/// its own process, port, working directory and <c>.m365agentsplayground.yml</c>, talking to the bot at the given endpoint
/// over the real Bot Connector protocol. Tests drive it over its HTTP surface and read the bot's answers from its
/// conversation stream (WebSocket), connected before anything is sent.
/// </summary>
/// <remarks>
/// Facts about the Playground (0.2.28) a test must know: every activity it builds says <c>locale: "en-US"</c> (there is
/// no setting); it forwards group-chat and channel messages to the bot only when they mention the bot; a channel message
/// starts a thread whose conversation id is <c>{channelId};messageid={id}</c>; <c>GET /_internal/v1/config</c> waits (up to
/// 15 s) until the bot endpoint answers; user messages are not echoed on the stream, only the bot's.
/// </remarks>
public sealed partial class PlaygroundFixture : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Process _process;
    private readonly string _workDirectory;
    private readonly Queue<string> _output = new();
    private readonly List<PlaygroundMessage> _received = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly HttpClient _http;
    private ClientWebSocket? _socket;
    private Task? _receiveLoop;
    private TaskCompletionSource _arrived = NewSignal();
    private int _cursor;

    private PlaygroundFixture(Process process, string workDirectory)
    {
        _process = process;
        _workDirectory = workDirectory;
        _http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri BaseAddress { get; private set; } = null!;

    public PlaygroundConfig Config { get; private set; } = null!;

    /// <summary>The last lines the Playground wrote to stdout and stderr.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    /// <summary>Every event read from the conversation stream so far.</summary>
    public IReadOnlyList<PlaygroundMessage> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    /// <summary>
    /// Installs the packages if needed, starts the Playground against <paramref name="botEndpoint"/>, waits for
    /// <c>/_debug/ping</c>, reads its config and connects to its conversation stream.
    /// </summary>
    public static async Task<PlaygroundFixture> StartAsync(Uri botEndpoint, CancellationToken cancellationToken = default)
    {
        await NodePackages.EnsureInstalledAsync(cancellationToken);

        var workDirectory = Path.Combine(Path.GetTempPath(), "tp-playground", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(workDirectory);
        await File.WriteAllTextAsync(Path.Combine(workDirectory, PlaygroundYaml.FileName), PlaygroundYaml.Render(), cancellationToken);

        var cli = Path.Combine(NodePackages.NodeModules, "@microsoft", "m365agentsplayground", "cli.js");
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = workDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     cli, "start", "-e", botEndpoint.ToString(), "-c", "msteams", "-p", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--disable-telemetry",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["TEAMSAPPTESTER_BROWSER"] = "none";
        start.Environment["M365_AGENTS_PLAYGROUND_LOGFILE"] = Path.Combine(workDirectory, "playground.log");
        start.Environment["NO_COLOR"] = "1";

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var fixture = new PlaygroundFixture(process, workDirectory);
        try
        {
            await fixture.StartProcessAsync(cancellationToken);
            return fixture;
        }
        catch
        {
            await fixture.DisposeAsync();
            throw;
        }
    }

    /// <summary>Sends the installation events Teams sends when the app is added to a conversation (installationUpdate add, then conversationUpdate).</summary>
    public async Task InstallAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        using var response = await _http.PostAsync(
            new Uri(BaseAddress, $"_debug/conversation/{Uri.EscapeDataString(conversationId)}/installation"), null, cancellationToken);
        await EnsureSuccessAsync(response, "installation", cancellationToken);
    }

    /// <summary>
    /// Posts a message as a person would in the Playground (locale en-US). With <paramref name="mentionBot"/> the text is
    /// prefixed with <c>&lt;at&gt;Bot&lt;/at&gt;</c> and a mention entity is added, as Teams does.
    /// </summary>
    public async Task<SentMessage> SendMessageAsync(
        string conversationId,
        string text,
        bool mentionBot = false,
        PlaygroundUser? from = null,
        CancellationToken cancellationToken = default)
    {
        var mention = $"<at>{Config.Bot.Name}</at>";
        var body = new JsonObject
        {
            ["from"] = new JsonObject { ["id"] = (from ?? Config.CurrentUser).Id },
            ["text"] = mentionBot ? $"{mention} {text}" : text,
            ["textFormat"] = "plain",
        };
        if (mentionBot)
        {
            body["mentions"] = new JsonArray(new JsonObject
            {
                ["mentioned"] = new JsonObject { ["id"] = Config.Bot.Id, ["name"] = Config.Bot.Name },
                ["text"] = mention,
            });
        }

        using var response = await _http.PostAsJsonAsync(
            new Uri(BaseAddress, $"_conversation/v1/conversations/{Uri.EscapeDataString(conversationId)}/messages"), body, cancellationToken);
        await EnsureSuccessAsync(response, "message", cancellationToken);
        var sent = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return new SentMessage(
            sent.GetProperty("messageId").GetString()!,
            sent.TryGetProperty("postConversationId", out var thread) ? thread.GetString()! : conversationId);
    }

    /// <summary>
    /// Sends an invoke (<c>adaptiveCard/action</c>, <c>composeExtension/*</c>, <c>message/submitAction</c>) and returns the
    /// bot's invoke response as the Playground relays it. <paramref name="replyToId"/> must be a message id of that conversation.
    /// </summary>
    public async Task<JsonElement> InvokeAsync(
        string name,
        string conversationId,
        string? replyToId,
        JsonNode value,
        PlaygroundUser? from = null,
        CancellationToken cancellationToken = default)
    {
        var body = new JsonObject
        {
            ["name"] = name,
            ["from"] = new JsonObject { ["id"] = (from ?? Config.CurrentUser).Id },
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["value"] = value,
        };
        if (replyToId is not null)
        {
            body["replyToId"] = replyToId;
        }

        using var response = await _http.PostAsJsonAsync(new Uri(BaseAddress, "_conversation/v1/invoke"), body, cancellationToken);
        await EnsureSuccessAsync(response, "invoke", cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Clicks an <c>Action.Execute</c> button of the card in message <paramref name="cardMessageId"/>.</summary>
    public Task<JsonElement> ExecuteCardActionAsync(
        string conversationId,
        string cardMessageId,
        string verb,
        JsonNode? data = null,
        PlaygroundUser? from = null,
        CancellationToken cancellationToken = default) =>
        InvokeAsync(
            "adaptiveCard/action",
            conversationId,
            cardMessageId,
            new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data ?? new JsonObject() },
            },
            from,
            cancellationToken);

    /// <summary>
    /// Sends an activity the Playground's own UI cannot build: it starts from the Playground's template for that
    /// conversation (ids, serviceUrl, tenant, bot, current user), lets <paramref name="edit"/> change it, and forwards it
    /// as is (<c>POST /_internal/v1/customActivities</c>). The bot's answers come back on the stream like any other.
    /// </summary>
    public async Task SendCustomActivityAsync(string conversationId, Action<JsonObject> edit, CancellationToken cancellationToken = default)
    {
        var template = await _http.GetFromJsonAsync<JsonObject>(
            new Uri(BaseAddress, $"_internal/v1/customActivities/template?conversationId={Uri.EscapeDataString(conversationId)}"),
            cancellationToken) ?? throw new InvalidOperationException("The Playground sent no activity template.");
        template["id"] = Guid.NewGuid().ToString();
        template["timestamp"] = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        edit(template);
        using var response = await _http.PostAsJsonAsync(new Uri(BaseAddress, "_internal/v1/customActivities"), template, cancellationToken);
        await EnsureSuccessAsync(response, "custom activity", cancellationToken);
    }

    /// <summary>
    /// A message as the Playground builds it (same fields, mention entity and channel data) but in <paramref name="locale"/>:
    /// the Playground itself always says en-US. Sent through <see cref="SendCustomActivityAsync"/>.
    /// </summary>
    public Task SendMessageInLocaleAsync(
        string conversationId,
        string text,
        string locale,
        bool mentionBot = false,
        CancellationToken cancellationToken = default) =>
        SendCustomActivityAsync(
            conversationId,
            activity =>
            {
                var mention = $"<at>{Config.Bot.Name}</at>";
                activity["type"] = "message";
                activity["text"] = mentionBot ? $"{mention} {text}" : text;
                activity["textFormat"] = "plain";
                activity["locale"] = locale;
                activity["from"] = new JsonObject
                {
                    ["id"] = Config.CurrentUser.Id,
                    ["name"] = Config.CurrentUser.Name,
                    ["aadObjectId"] = Config.CurrentUser.AadObjectId,
                };
                var entities = new JsonArray();
                if (mentionBot)
                {
                    entities.Add(new JsonObject
                    {
                        ["type"] = "mention",
                        ["mentioned"] = new JsonObject { ["id"] = Config.Bot.Id, ["name"] = Config.Bot.Name },
                        ["text"] = mention,
                    });
                }

                entities.Add(new JsonObject { ["type"] = "clientInfo", ["locale"] = locale, ["platform"] = "Web", ["timezone"] = "Europe/Brussels" });
                activity["entities"] = entities;
                activity["channelData"] = ChannelData(conversationId);
            },
            cancellationToken);

    /// <summary>The installation events of <see cref="InstallAsync"/>, in <paramref name="locale"/>.</summary>
    public async Task InstallInLocaleAsync(string conversationId, string locale, CancellationToken cancellationToken = default)
    {
        await SendCustomActivityAsync(
            conversationId,
            activity =>
            {
                activity["type"] = "installationUpdate";
                activity["action"] = "add";
                activity["locale"] = locale;
                activity["entities"] = new JsonArray(new JsonObject { ["type"] = "clientInfo", ["locale"] = locale });
                activity["channelData"] = ChannelData(conversationId);
            },
            cancellationToken);
        await SendCustomActivityAsync(
            conversationId,
            activity =>
            {
                activity["type"] = "conversationUpdate";
                activity["locale"] = locale;
                activity["membersAdded"] = new JsonArray(
                    new JsonObject { ["id"] = Config.CurrentUser.Id, ["aadObjectId"] = Config.CurrentUser.AadObjectId },
                    new JsonObject { ["id"] = Config.Bot.Id });
                activity["channelData"] = ChannelData(conversationId);
            },
            cancellationToken);
    }

    /// <summary>
    /// Waits for the next message the bot posts or updates (after those already returned) that satisfies
    /// <paramref name="match"/>; messages that do not match are passed over. Fails with what did arrive and the
    /// Playground's output.
    /// </summary>
    public async Task<PlaygroundMessage> NextBotMessageAsync(
        Func<PlaygroundMessage, bool>? match = null,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            Task arrived;
            lock (_received)
            {
                while (_cursor < _received.Count)
                {
                    var candidate = _received[_cursor++];
                    if (IsFromBot(candidate) && (match?.Invoke(candidate) ?? true))
                    {
                        return candidate;
                    }
                }

                arrived = _arrived.Task;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException(
                    $"No matching bot message within {timeout ?? TimeSpan.FromSeconds(15)}.\n{Describe()}");
            }

            await Task.WhenAny(arrived, Task.Delay(left, cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>
    /// Waits <paramref name="window"/> and returns every bot message (after those already returned) that satisfies
    /// <paramref name="match"/>: for "nothing else was said" checks.
    /// </summary>
    public async Task<IReadOnlyList<PlaygroundMessage>> BotMessagesWithinAsync(
        TimeSpan window,
        Func<PlaygroundMessage, bool>? match = null,
        CancellationToken cancellationToken = default)
    {
        await Task.Delay(window, cancellationToken);
        lock (_received)
        {
            var found = _received.Skip(_cursor).Where(m => IsFromBot(m) && (match?.Invoke(m) ?? true)).ToList();
            _cursor = _received.Count;
            return found;
        }
    }

    /// <summary>What arrived on the stream and what the Playground printed, for failure messages.</summary>
    public string Describe() =>
        $"Stream events:\n  {string.Join("\n  ", Received)}\nPlayground output (last lines):\n{Output}\nPlayground log (last lines):\n{LogTail()}";

    private string LogTail()
    {
        try
        {
            var lines = File.ReadAllLines(Path.Combine(_workDirectory, "playground.log"));
            return string.Join('\n', lines.TakeLast(40));
        }
        catch (IOException)
        {
            return "(none)";
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_socket is not null)
        {
            _socket.Abort();
            _socket.Dispose();
        }

        if (_receiveLoop is not null)
        {
            try
            {
                await _receiveLoop;
            }
            catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException)
            {
                // Closing.
            }
        }

        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or System.ComponentModel.Win32Exception)
        {
            // Never started, or already gone.
        }

        _process.Dispose();
        _http.Dispose();
        _stopping.Dispose();
        try
        {
            Directory.Delete(_workDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }

    private async Task StartProcessAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);
        var clock = Stopwatch.StartNew();
        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            Remember(e.Data);
            var port = ListeningLine().Match(e.Data);
            if (port.Success)
            {
                listening.TrySetResult(int.Parse(port.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            }
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Remember("stderr: " + e.Data);
            }
        };
        _process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("The Playground exited while starting."));

        if (!_process.Start())
        {
            throw new InvalidOperationException("node could not be started.");
        }

        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        try
        {
            // It prints the port it really listens on: the one asked for, or a random one when that was taken.
            var port = await listening.Task.WaitAsync(timeout.Token);
            BaseAddress = new Uri($"http://127.0.0.1:{port}/");
            Remember($"fixture: listening after {clock.ElapsedMilliseconds} ms");
            await WaitForPingAsync(timeout.Token);
            Remember($"fixture: pong after {clock.ElapsedMilliseconds} ms");
            var config = await _http.GetFromJsonAsync<JsonElement>(new Uri(BaseAddress, "_internal/v1/config"), timeout.Token);
            Config = config.GetProperty("config").Deserialize<PlaygroundConfig>(Json)
                ?? throw new InvalidOperationException("The Playground's config is empty.");
            Remember($"fixture: config after {clock.ElapsedMilliseconds} ms");
            await ConnectStreamAsync(timeout.Token);
            Remember($"fixture: stream connected after {clock.ElapsedMilliseconds} ms");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw new InvalidOperationException($"The Agents Playground did not start: {e.Message}\n{Output}", e);
        }
    }

    private async Task WaitForPingAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                if (await _http.GetStringAsync(new Uri(BaseAddress, "_debug/ping"), cancellationToken) == "pong")
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not yet.
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    private async Task ConnectStreamAsync(CancellationToken cancellationToken)
    {
        _socket = new ClientWebSocket();
        var stream = new UriBuilder(BaseAddress) { Scheme = "ws", Path = "/_ws_conversation/v1/conversations/stream" }.Uri;
        await _socket.ConnectAsync(stream, cancellationToken);
        _receiveLoop = Task.Run(() => ReceiveAsync(_socket, _stopping.Token), CancellationToken.None);
    }

    private async Task ReceiveAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (socket.State == WebSocketState.Open && !cancellationToken.IsCancellationRequested)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                Remember("stream: closed by the Playground");
                return;
            }

            message.Write(buffer, 0, result.Count);
            if (!result.EndOfMessage)
            {
                continue;
            }

            var json = Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
            message.SetLength(0);
            PlaygroundMessage? parsed;
            try
            {
                parsed = PlaygroundMessage.Parse(json);
            }
            catch (JsonException)
            {
                Remember("stream: not JSON: " + json);
                continue;
            }

            if (parsed is null)
            {
                continue;
            }

            lock (_received)
            {
                _received.Add(parsed);
                var arrived = _arrived;
                _arrived = NewSignal();
                arrived.TrySetResult();
            }
        }
    }

    /// <summary>The bot's messages: everything posted or updated on the stream by someone who is not a mock user.</summary>
    private bool IsFromBot(PlaygroundMessage message) =>
        (message.IsCreate || message.IsUpdate)
        && message.FromId != Config.CurrentUser.Id
        && Config.Users.All(u => u.Id != message.FromId);

    private JsonObject ChannelData(string conversationId)
    {
        var data = new JsonObject { ["tenant"] = new JsonObject { ["id"] = Config.TenantId } };
        var team = Config.Teams.FirstOrDefault(t => t.Channels.Any(c => conversationId == c.Id || conversationId.StartsWith(c.Id + ";", StringComparison.Ordinal)));
        if (team is not null)
        {
            var channel = team.Channels.First(c => conversationId == c.Id || conversationId.StartsWith(c.Id + ";", StringComparison.Ordinal));
            data["teamsChannelId"] = channel.Id;
            data["teamsTeamId"] = team.Id;
            data["team"] = new JsonObject { ["id"] = team.Id };
            data["channel"] = new JsonObject { ["id"] = channel.Id };
        }

        return data;
    }

    private void Remember(string line)
    {
        lock (_output)
        {
            _output.Enqueue(line);
            while (_output.Count > 200)
            {
                _output.Dequeue();
            }
        }
    }

    private async Task EnsureSuccessAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new InvalidOperationException($"The Playground refused the {what}: {(int)response.StatusCode} {body}\n{Output}");
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [GeneratedRegex(@"Listening on (\d+)")]
    private static partial Regex ListeningLine();
}

/// <param name="MessageId">The id the Playground gave the person's message.</param>
/// <param name="ConversationId">Where the bot answers: the conversation, or in a channel the new thread (<c>{channel};messageid={id}</c>).</param>
public sealed record SentMessage(string MessageId, string ConversationId);
