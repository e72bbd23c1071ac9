namespace TeamsPrevention.Sandbox;

/// <summary>Runs the sandbox tenant on its own (for tests, and for several App instances sharing one tenant).</summary>
public static class SandboxProgram
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSandbox(builder.Configuration);
        var app = builder.Build();
        app.MapSandbox();
        app.Run();
    }
}
