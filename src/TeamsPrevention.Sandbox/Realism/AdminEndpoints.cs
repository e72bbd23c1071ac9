using TeamsPrevention.Sandbox.Tenant;

namespace TeamsPrevention.Sandbox.Realism;

/// <summary><c>POST {S}reset</c>, <c>GET/DELETE {S}traffic</c>, <c>GET/PUT/DELETE {S}faults</c>.</summary>
public static class AdminEndpoints
{
    public static IEndpointRouteBuilder MapSandboxAdmin(this IEndpointRouteBuilder sandbox)
    {
        sandbox.MapPost("/reset", Reset);
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
