using System.Text.Json.Nodes;

namespace TeamsPrevention.Shared;

/// <summary>A parameter of an operation: where it goes (<c>path</c>, <c>query</c>) and its schema's type and format.</summary>
internal sealed record ApiParameter(string Name, string In, string? Type, string? Format);

/// <summary>
/// One operation of the App's OpenAPI document (<c>/openapi/v1.json</c>, Development only): <c>Key</c> is
/// <c>"METHOD /path/{template}"</c>; <c>Body</c> is the request body's schema with its references resolved (null: none).
/// </summary>
internal sealed record ApiOperation(string Key, string Method, string Path, IReadOnlyList<ApiParameter> Parameters, JsonObject? Body);

/// <summary>Reads the operations of an OpenAPI 3.x document, the suites' single list of what the App answers.</summary>
internal static class ApiDocument
{
    public static IReadOnlyList<ApiOperation> Operations(JsonObject document)
    {
        var operations = new List<ApiOperation>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, value) in item!.AsObject())
            {
                if (value is not JsonObject operation || method == "parameters")
                {
                    continue;
                }

                var parameters = (operation["parameters"]?.AsArray() ?? [])
                    .Select(p => new ApiParameter(
                        p!["name"]!.GetValue<string>(), p["in"]!.GetValue<string>(), TypeOf(p["schema"] as JsonObject), p["schema"]?["format"]?.GetValue<string>()))
                    .ToList();
                var schema = operation["requestBody"]?["content"]?["application/json"]?["schema"] as JsonObject;
                operations.Add(new ApiOperation(
                    $"{method.ToUpperInvariant()} {path}", method.ToUpperInvariant(), path, parameters,
                    schema is null ? null : Resolve(document, schema, depth: 0)));
            }
        }

        return operations;
    }

    /// <summary>The schema's main type (<c>["null","string"]</c> → <c>string</c>; a reference or oneOf → the referenced one's).</summary>
    public static string? TypeOf(JsonObject? schema) => schema?["type"] switch
    {
        JsonValue v => v.GetValue<string>(),
        JsonArray a => a.Select(t => t!.GetValue<string>()).FirstOrDefault(t => t != "null"),
        _ => schema?["enum"] is not null ? "string" : schema?["properties"] is not null ? "object" : null,
    };

    /// <summary>A copy of the schema with every <c>$ref</c> replaced by what it names (to a few levels: schemas may be recursive).</summary>
    private static JsonObject Resolve(JsonObject document, JsonObject schema, int depth)
    {
        if (schema["$ref"]?.GetValue<string>() is { } reference && depth < 6)
        {
            var name = reference.Split('/')[^1];
            return Resolve(document, document["components"]!["schemas"]![name]!.AsObject(), depth + 1);
        }

        if (schema["oneOf"] is JsonArray oneOf && oneOf.OfType<JsonObject>().FirstOrDefault(o => TypeOf(o) != "null" || o["$ref"] is not null) is { } first)
        {
            return Resolve(document, first, depth + 1);
        }

        var copy = (JsonObject)schema.DeepClone();
        if (copy["properties"] is JsonObject properties)
        {
            foreach (var name in properties.Select(p => p.Key).ToList())
            {
                properties[name] = Resolve(document, properties[name]!.AsObject(), depth + 1);
            }
        }

        if (copy["items"] is JsonObject items)
        {
            copy["items"] = Resolve(document, items, depth + 1);
        }

        return copy;
    }
}
