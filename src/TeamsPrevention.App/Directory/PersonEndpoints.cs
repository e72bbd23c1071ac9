using System.Security.Claims;
using TeamsPrevention.App.Hosting;

namespace TeamsPrevention.App.Directory;

/// <summary>What feature endpoints share: the caller as a directory person (else 403), and refusals as ProblemDetails.</summary>
public static class PersonEndpoints
{
    public static async Task<IResult> RunAsync(ClaimsPrincipal user, CurrentPerson current, Func<DirectoryPerson, Task<IResult>> work, CancellationToken ct)
    {
        if (await current.GetAsync(user, ct) is not { } person)
        {
            return TypedResults.Problem(title: "Personne inconnue de l'annuaire.", statusCode: StatusCodes.Status403Forbidden);
        }

        try
        {
            return await work(person);
        }
        catch (ProblemException problem) when (problem.Extensions is not null)
        {
            return TypedResults.Problem(problem.ToProblemDetails());
        }
        catch (ProblemException problem) when (problem.Errors is not null)
        {
            return TypedResults.ValidationProblem(problem.Errors, title: problem.Title);
        }
        catch (ProblemException problem)
        {
            return TypedResults.Problem(title: problem.Title, detail: problem.Detail, statusCode: problem.Status);
        }
    }
}
