using OpenTelemetry.Exporter;

namespace TeamsPrevention.App.Hosting;

/// <summary>OpenTelemetry export. Bound from the <c>Telemetry</c> section.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>The name traces, metrics and logs carry, and of the App's own activity source and meter.</summary>
    public const string ServiceName = "TeamsPrevention";

    /// <summary>OTLP collector address (e.g. <c>http://localhost:4317</c>); no export when unset.</summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary><c>Grpc</c> (port 4317 by convention) or <c>HttpProtobuf</c> (port 4318, paths <c>/v1/traces</c>, <c>/v1/metrics</c>).</summary>
    public OtlpExportProtocol OtlpProtocol { get; set; } = OtlpExportProtocol.Grpc;
}
