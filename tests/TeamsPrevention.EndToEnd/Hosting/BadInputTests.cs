using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TeamsPrevention.Sandbox.Tenant;
using TeamsPrevention.Shared;
using Xunit.Abstractions;

namespace TeamsPrevention.EndToEnd.Hosting;

/// <summary>
/// Bad input on every operation of the API document (<see cref="BadInputCases"/>), sent to the App as a real process
/// (Kestrel's own limits, its own memory) by someone the operation's policy lets through: never a 5xx, a 400 is a
/// problem document, the process stays alive and its memory bounded.
/// </summary>
public sealed class BadInputTests(ITestOutputHelper output)
{
    /// <summary>
    /// How much the App's resident memory may grow over the whole suite: the GC keeps what it took for the 5 MB bodies
    /// (each read whole, a few copies: string, UTF-16, JSON buffers) as free heap rather than giving it back at once,
    /// so the bound is a few of those bodies, not zero; a leak per request (1,000+ requests) would pass it by far.
    /// </summary>
    private const long GrowthBound = 400L * 1024 * 1024;

    [Fact]
    public async Task AnswersEveryBadRequestWithoutAServerErrorAndStaysAliveWithBoundedMemory()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        var ct = timeout.Token;
        var work = System.IO.Directory.CreateTempSubdirectory("tp-badinput-");
        var appUrl = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        await using var sandbox = await StandaloneSandbox.StartAsync(new Dictionary<string, string?>
        {
            ["SandboxTenant:BotEndpoint"] = new Uri(appUrl, "api/messages").ToString(),
        });
        var environment = new Dictionary<string, string>
        {
            // Development: the API document is served there only.
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["App__PublicBaseUrl"] = appUrl.ToString(),
            ["Sandbox__Embedded"] = "false",
            ["Sandbox__BaseUrl"] = sandbox.BaseUrl.ToString(),
            ["Data__Provider"] = "Sqlite",
            ["ConnectionStrings__Sqlite"] = $"Data Source={Path.Combine(work.FullName, "app.db")}",
            ["Bot__AllowAnonymous"] = "false",
            ["Logging__LogLevel__Default"] = "Warning",
        };

        var app = await AppProcess.StartAsync(appUrl, environment, ct);
        try
        {
            var clients = new Dictionary<string, HttpClient>();
            foreach (var role in new[] { "Chair", "Dpo", "Admin" })
            {
                var client = new HttpClient { BaseAddress = appUrl, Timeout = TimeSpan.FromSeconds(60) };
                var oid = DemoTenant.Personas.First(p => p.Role == role).ObjectId;
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await sandbox.PersonaTokenAsync(oid, ct));
                clients[role] = client;
            }

            var document = await clients["Chair"].GetFromJsonAsync<JsonObject>("/openapi/v1.json", ct);
            var operations = ApiDocument.Operations(document!);
            Assert.True(operations.Count > 60, $"only {operations.Count} operations");

            // Warmed up first (every route once, well formed), so the memory measured is the App's steady state.
            foreach (var operation in operations.Where(o => o.Method == "GET" && !o.Path.Contains('{', StringComparison.Ordinal)))
            {
                using var warm = await clients[RoleFor(operation)].GetAsync(new Uri(operation.Path, UriKind.Relative), ct);
            }

            var before = Memory(app.Id);
            var tally = new Dictionary<int, int>();
            var failures = new List<string>();
            var accepted = new List<string>();
            var sent = 0;
            foreach (var operation in operations)
            {
                foreach (var input in BadInputCases.For(operation))
                {
                    using var request = new HttpRequestMessage(new HttpMethod(operation.Method), new Uri(input.Path, UriKind.Relative));
                    if (input.Body is not null)
                    {
                        request.Content = new ByteArrayContent(input.Body);
                        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                    }

                    using var response = await clients[RoleFor(operation)].SendAsync(request, ct);
                    var status = (int)response.StatusCode;
                    sent++;
                    tally[status] = tally.GetValueOrDefault(status) + 1;
                    var mediaType = response.Content.Headers.ContentType?.MediaType;
                    if (status >= 500)
                    {
                        failures.Add($"{operation.Key} {input.Kind}: {status} {Truncate(await response.Content.ReadAsStringAsync(ct))}");
                    }
                    else if (status == 400 && mediaType != "application/problem+json")
                    {
                        failures.Add($"{operation.Key} {input.Kind}: 400 without a problem document ({mediaType})");
                    }
                    else if (status is >= 200 and < 300 && (input.Kind.StartsWith("body: ", StringComparison.Ordinal) || input.Kind.EndsWith("5 MB", StringComparison.Ordinal)))
                    {
                        failures.Add($"{operation.Key} {input.Kind}: accepted ({status})");
                    }
                    else if (status is >= 200 and < 300)
                    {
                        accepted.Add($"{operation.Key} {input.Kind}: {status}");
                    }
                }
            }

            using var live = await clients["Chair"].GetAsync(new Uri("/health/live", UriKind.Relative), ct);
            var after = Memory(app.Id);
            var summary = $"{sent} bad requests on {operations.Count} operations: {BadInputCases.Describe(tally.Select(t => (t.Key, t.Value)))}; "
                + $"App resident memory {Mb(before.Rss)} MB before, {Mb(after.Rss)} MB after, peak {Mb(after.Peak)} MB";
            output.WriteLine(summary);
            output.WriteLine("Accepted as valid (a value in range, an ignored repeat):\n" + string.Join('\n', accepted));
            Console.WriteLine("Bad input: " + summary);
            Assert.True(failures.Count == 0, $"{failures.Count} bad answers:\n" + string.Join('\n', failures.Take(60)));
            Assert.Equal(System.Net.HttpStatusCode.OK, live.StatusCode);
            Assert.True(after.Rss - before.Rss < GrowthBound, summary);
        }
        catch (Exception) when (LogOnFailure(app))
        {
            throw;
        }
        finally
        {
            await app.DisposeAsync();
            work.Delete(recursive: true);
        }
    }

    /// <summary>Someone the operation's policy lets through, so that the input (not the role) is what is answered.</summary>
    private static string RoleFor(ApiOperation operation) => operation.Path switch
    {
        _ when operation.Path.StartsWith("/api/audit", StringComparison.Ordinal) => "Dpo",
        _ when operation.Method != "GET" && (operation.Path.StartsWith("/api/directory/organisations", StringComparison.Ordinal)
            || operation.Path.StartsWith("/api/directory/deputies", StringComparison.Ordinal)) => "Admin",
        _ => "Chair",
    };

    /// <summary>The process's resident set and its peak (<c>VmRSS</c>, <c>VmHWM</c> of /proc), in bytes.</summary>
    private static (long Rss, long Peak) Memory(int pid)
    {
        var lines = File.ReadAllLines($"/proc/{pid}/status");
        long Kb(string key) => long.Parse(lines.First(l => l.StartsWith(key, StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        return (Kb("VmRSS:"), Kb("VmHWM:"));
    }

    private static long Mb(long bytes) => bytes / (1024 * 1024);

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300];

    private bool LogOnFailure(AppProcess app)
    {
        output.WriteLine("App's last lines:\n" + app.LastLines());
        return false;
    }
}
