using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using TeamsPrevention.Shared;

namespace TeamsPrevention.EndToEnd.Hosting;

/// <summary>One bad request: what it is (for the report), the path with its query, and the raw body bytes (null: none).</summary>
internal sealed record BadInput(string Kind, string Path, byte[]? Body);

/// <summary>
/// Bad input for one operation of the API document, from its schema: in the body (malformed JSON, the wrong type at
/// the root and in each field, 5 MB in each text field, 10,000 levels of nesting, invalid UTF-8, extreme numbers and
/// dates), in the query (each parameter: the wrong type, extreme values, invalid UTF-8, 5,000 characters) and in the
/// route (each parameter: not of its type, invalid UTF-8, 6,000 characters, dot segments).
/// </summary>
internal static class BadInputCases
{
    public const int HugeString = 5 * 1024 * 1024;
    public const int Nesting = 10_000;

    private static readonly string[] ExtremeNumbers = ["1e400", "-1e400", "99999999999999999999999", "-9223372036854775809", "0.5", "-1"];
    private static readonly string[] ExtremeDates = ["\"0001-01-01T00:00:00Z\"", "\"9999-12-31T23:59:59.9999999+14:00\"", "\"0000-00-00\"", "\"2024-02-30\"", "\"tomorrow\""];

    public static IEnumerable<BadInput> For(ApiOperation operation)
    {
        var path = FillRoute(operation, _ => null);
        foreach (var input in Route(operation))
        {
            yield return input;
        }

        foreach (var parameter in operation.Parameters.Where(p => p.In == "query"))
        {
            foreach (var (kind, value) in QueryValues(parameter))
            {
                yield return new BadInput($"query {parameter.Name}: {kind}", $"{path}?{parameter.Name}={value}", null);
            }
        }

        if (operation.Body is not { } schema)
        {
            yield break;
        }

        yield return Raw("body: malformed JSON", path, "{\"a\":");
        yield return Raw("body: empty", path, "");
        yield return Raw("body: an array", path, "[]");
        yield return Raw("body: a number", path, "42");
        yield return Raw("body: 10,000 levels of nesting", path, new string('[', Nesting) + new string(']', Nesting));
        foreach (var (name, property) in (schema["properties"] as JsonObject ?? []).Select(p => (p.Key, p.Value as JsonObject)))
        {
            var type = ApiDocument.TypeOf(property);
            var format = property?["format"]?.GetValue<string>();
            yield return Raw($"body {name}: wrong type", path, $"{{\"{name}\":{WrongType(type)}}}");
            yield return Raw($"body {name}: nested 10,000 levels", path, $"{{\"{name}\":{new string('[', Nesting)}{new string(']', Nesting)}}}");
            yield return new BadInput($"body {name}: invalid UTF-8", path, [.. Encoding.UTF8.GetBytes($"{{\"{name}\":\""), 0xFF, 0xC0, 0x80, .. "\"}"u8]);
            if (type == "string" && format is null)
            {
                yield return Raw($"body {name}: 5 MB", path, $"{{\"{name}\":\"{new string('a', HugeString)}\"}}");
            }

            var extremes = (type, format) switch
            {
                ("integer" or "number", _) => ExtremeNumbers,
                ("string", "date-time" or "date") => ExtremeDates,
                ("string", "uuid") => ["\"00000000-0000-0000-0000-00000000000g\"", "\"\""],
                _ => [],
            };
            foreach (var value in extremes)
            {
                yield return Raw($"body {name}: {value}", path, $"{{\"{name}\":{value}}}");
            }
        }
    }

    private static IEnumerable<BadInput> Route(ApiOperation operation)
    {
        foreach (var parameter in operation.Parameters.Where(p => p.In == "path"))
        {
            var body = operation.Body is null ? null : Encoding.UTF8.GetBytes("{}");
            string With(string value) => FillRoute(operation, p => p == parameter.Name ? value : null);
            yield return new BadInput($"route {parameter.Name}: not a {parameter.Format ?? parameter.Type}", With("not-a-value"), body);
            yield return new BadInput($"route {parameter.Name}: invalid UTF-8", With("%FF%FE%C0%80"), body);
            yield return new BadInput($"route {parameter.Name}: 6,000 characters", With(new string('A', 6000)), body);
            yield return new BadInput($"route {parameter.Name}: dot segments", With("..%2F..%2Fopenapi"), body);
        }
    }

    private static IEnumerable<(string Kind, string Value)> QueryValues(ApiParameter parameter)
    {
        yield return ("invalid UTF-8", "%FF%FE%C0%80");
        yield return ("5,000 characters", new string('a', 5000));
        yield return ("repeated", "a&" + parameter.Name + "=b");
        foreach (var value in (parameter.Type, parameter.Format) switch
        {
            ("integer" or "number", _) => ExtremeNumbers,
            ("string", "date-time" or "date") => ["0001-01-01", "9999-12-31T23:59:59%2B14:00", "2024-13-45", "tomorrow"],
            ("string", "uuid") => ["not-a-guid"],
            _ => [],
        })
        {
            yield return (value, value.Replace("+", "%2B", StringComparison.Ordinal));
        }
    }

    /// <summary>The operation's path with its route values: the one given, otherwise a well-formed one (an id nobody has).</summary>
    private static string FillRoute(ApiOperation operation, Func<string, string?> value)
    {
        var path = operation.Path;
        foreach (var parameter in operation.Parameters.Where(p => p.In == "path"))
        {
            var filled = value(parameter.Name) ?? (parameter.Format == "uuid" ? Guid.NewGuid().ToString() : "K7M-4QX");
            path = path.Replace($"{{{parameter.Name}}}", filled, StringComparison.Ordinal);
        }

        return path;
    }

    private static string WrongType(string? type) => type switch
    {
        "string" => "{\"not\":\"a string\"}",
        "integer" or "number" or "boolean" => "\"abc\"",
        "array" => "\"abc\"",
        "object" => "5",
        _ => "[1,{},\"x\"]",
    };

    private static BadInput Raw(string kind, string path, string json) => new(kind, path, Encoding.UTF8.GetBytes(json));

    public static string Describe(IEnumerable<(int Status, int Count)> tally) =>
        string.Join(", ", tally.OrderBy(t => t.Status).Select(t => $"{t.Status} ×{t.Count.ToString(CultureInfo.InvariantCulture)}"));
}
