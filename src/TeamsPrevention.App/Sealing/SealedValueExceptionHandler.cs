using Microsoft.AspNetCore.Diagnostics;
using TeamsPrevention.App.Cards;
using TeamsPrevention.App.Hosting;

namespace TeamsPrevention.App.Sealing;

/// <summary>
/// A request that met a sealed value that does not open answers 500 with a ProblemDetails saying so in the person's
/// language (never the value, never which row); the log names the table, column and row for the administrator.
/// </summary>
internal sealed class SealedValueExceptionHandler(IProblemDetailsService problemDetails, ILogger<SealedValueExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var refused = exception;
        while (refused is not null and not SealedValueException)
        {
            refused = refused.InnerException;
        }

        if (refused is not SealedValueException sealedValue)
        {
            return false;
        }

        SealingLog.Refused(logger, sealedValue.Where, sealedValue.Reason);
        var language = UserLanguage.Fr;
        try
        {
            if (httpContext.RequestServices.GetService<IRequestLanguage>() is { } languages)
            {
                language = await languages.OfAsync(httpContext, cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The person's language could not be read: French.
        }

        httpContext.Response.StatusCode = StatusCodes.Status500InternalServerError;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = SealingTexts.Title(language),
                Detail = SealingTexts.Detail(language),
            },
        });
    }
}
