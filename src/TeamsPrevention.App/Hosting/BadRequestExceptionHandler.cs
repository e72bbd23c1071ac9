using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using TeamsPrevention.App.Cards;

namespace TeamsPrevention.App.Hosting;

/// <summary>
/// Turns Kestrel's and the framework's bad-request exceptions (body too large, malformed request) into the status they
/// carry, as a ProblemDetails body, instead of a 500. A parameter that does not bind (a query value that does not parse,
/// a JSON body or one of its fields that does not read) is answered as a validation problem naming the parameter or
/// the JSON field, in the person's language; the value sent is never echoed.
/// </summary>
internal sealed partial class BadRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        httpContext.Response.StatusCode = bad.StatusCode;
        if (bad.StatusCode == StatusCodes.Status400BadRequest && FieldOf(bad) is { } field)
        {
            var language = httpContext.RequestServices.GetService<IRequestLanguage>() is { } languages
                ? await languages.OfAsync(httpContext, cancellationToken)
                : UserLanguage.Fr;
            return await problemDetails.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                Exception = exception,
                ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [InputTexts.InvalidValue(language)] })
                {
                    Status = StatusCodes.Status400BadRequest,
                    Title = InputTexts.Title(language),
                },
            });
        }

        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = bad.StatusCode,
                Title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request body too large." : "Bad request.",
            },
        });
    }

    /// <summary>
    /// The field a binding failure is about: the JSON path of a body that did not read (<c>$.occurrences</c> →
    /// <c>occurrences</c>), else the parameter the framework names in its message (<c>Failed to bind parameter "int?
    /// limit" from "…"</c>, <c>Required parameter "… x" was not provided</c>). Null when neither says.
    /// </summary>
    internal static string? FieldOf(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException { Path: { Length: > 0 } path })
        {
            var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
            return field.Length == 0 ? "body" : field;
        }

        var match = ParameterName().Match(bad.Message);
        // A parameter of an [AsParameters] record is named by its property (From): the query and the errors say from.
        return match.Success ? JsonNamingPolicy.CamelCase.ConvertName(match.Groups["name"].Value) : null;
    }

    [GeneratedRegex("""^(?:Failed to bind parameter|Required parameter|Failed to read parameter) "[^"]*?(?<name>[A-Za-z_][A-Za-z0-9_]*)" """, RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex ParameterName();
}
