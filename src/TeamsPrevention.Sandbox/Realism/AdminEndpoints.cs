using TeamsPrevention.Sandbox.Tenant;

namespace TeamsPrevention.Sandbox.Realism;

/// <summary><c>POST {S}reset</c>, <c>GET/DELETE {S}traffic</c>, <c>GET/PUT/DELETE {S}faults</c>, <c>POST {S}personas/synthetic</c>.</summary>
public static class AdminEndpoints
{
    public static IEndpointRouteBuilder MapSandboxAdmin(this IEndpointRouteBuilder sandbox)
    {
        sandbox.MapPost("/reset", Reset);
        sandbox.MapPost("/personas/synthetic", SetSyntheticPersonas);
        sandbox.MapGet("/traffic", (string? pathPrefix, long? after, TrafficLog traffic) => TypedResults.Ok(traffic.Read(pathPrefix, after ?? 0)));
        sandbox.MapDelete("/traffic", (TrafficLog traffic) =>
        {
            traffic.Clear();
            return TypedResults.NoContent();
        });
        sandbox.MapGet("/faults", (FaultInjector faults) => TypedResults.Ok(faults.Settings));
        sandbox.MapPut("/faults", PutFaults);
        sandbox.MapDelete("/faults", (FaultInjector faults) =>
        {
            faults.Clear();
            return TypedResults.NoContent();
        });
        return sandbox;
    }

    /// <summary>Back to the seed: state (and whatever hooks <see cref="SandboxState.Resetting"/>), rate counters, faults; the traffic log too.</summary>
    private static IResult Reset(SandboxState state, SandboxRateLimiter limiter, FaultInjector faults, TrafficLog traffic, ILogger<SandboxState> logger)
    {
        state.ResetToSeed();
        limiter.Clear();
        faults.Clear();
        traffic.Clear();
        SandboxLog.StateReset(logger);
        return TypedResults.NoContent();
    }

    /// <summary>Load tests: the city's tenant gets synthetic personas 1 to <c>count</c> (at most 100,000) until reset.</summary>
    private static IResult SetSyntheticPersonas(SyntheticPersonasRequest request, SandboxState state)
    {
        if (request.Count is < 0 or > 100_000)
        {
            return TypedResults.Problem("count must be between 0 and 100000.", statusCode: 400);
        }

        var personas = state.SetSyntheticPersonas(request.Count);
        return TypedResults.Ok(personas.Select(p => new SyntheticPersonaView(p.ObjectId, p.TeamsUserId, p.DisplayName, p.PreferredLanguage)));
    }

    private static IResult PutFaults(FaultSettings settings, FaultInjector faults, ILogger<FaultInjector> logger)
    {
        try
        {
            faults.Apply(settings);
        }
        catch (ArgumentException exception)
        {
            return TypedResults.Problem(exception.Message, statusCode: 400);
        }

        SandboxLog.FaultsApplied(logger, settings.Rules.Count);
        return TypedResults.Ok(faults.Settings);
    }
}

public sealed record SyntheticPersonasRequest(int Count);

public sealed record SyntheticPersonaView(string ObjectId, string TeamsUserId, string DisplayName, string PreferredLanguage);
