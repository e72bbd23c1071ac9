using System.Text.RegularExpressions;

namespace TeamsPrevention.Sandbox.Realism;

/// <summary>Holds the fault rules and draws, with a seeded random, which requests get a fault. Thread-safe.</summary>
public sealed class FaultInjector
{
    private static readonly string[] Kinds = ["status", "timeout", "drop", "none"];
    private readonly Lock _gate = new();
    private FaultSettings _settings = new();
    private List<(FaultRule Rule, Regex Pattern)> _compiled = [];
    private Random _random = new(1);

    public FaultSettings Settings
    {
        get
        {
            lock (_gate)
            {
                return _settings;
            }
        }
    }

    /// <summary>Replaces the rules and restarts the random sequence from the seed. Throws on an invalid rule.</summary>
    public void Apply(FaultSettings settings)
    {
        foreach (var rule in settings.Rules)
        {
            Validate(rule);
        }

        var compiled = settings.Rules.Select(r => (r, ToRegex(r.Path))).ToList();
        lock (_gate)
        {
            _settings = settings;
            _compiled = compiled;
            _random = new Random(settings.Seed);
        }
    }

    public void Clear() => Apply(new FaultSettings());

    /// <summary>The rule matching this request and whether its fault fires this time (null: no rule matches).</summary>
    public FaultDecision? Decide(string method, string relativePath)
    {
        lock (_gate)
        {
            foreach (var (rule, pattern) in _compiled)
            {
                if ((string.IsNullOrEmpty(rule.Method) || string.Equals(rule.Method, method, StringComparison.OrdinalIgnoreCase))
                    && pattern.IsMatch(relativePath))
                {
                    var fires = rule.Rate >= 1.0 || (rule.Rate > 0 && _random.NextDouble() < rule.Rate);
                    return new FaultDecision(rule, fires && rule.Fault != "none");
                }
            }

            return null;
        }
    }

    private static void Validate(FaultRule rule)
    {
        if (!Kinds.Contains(rule.Fault))
        {
            throw new ArgumentException($"Fault '{rule.Fault}' is not one of {string.Join(", ", Kinds)}.");
        }

        if (rule.Rate is < 0 or > 1 || double.IsNaN(rule.Rate))
        {
            throw new ArgumentException("Rate must be between 0 and 1.");
        }

        if (rule.Fault == "status" && rule.Status is < 400 or > 599)
        {
            throw new ArgumentException("Status must be a 4xx or 5xx code.");
        }

        if (rule.LatencyMs is < 0 or > 600_000)
        {
            throw new ArgumentException("LatencyMs must be between 0 and 600000.");
        }

        if (string.IsNullOrWhiteSpace(rule.Path))
        {
            throw new ArgumentException("Path is required (use ** for every path).");
        }
    }

    private static Regex ToRegex(string glob)
    {
        var segments = glob.Trim('/').Split('/');
        var parts = segments.Select(s => s switch
        {
            "**" => "(?:[^/]+(?:/[^/]+)*)?",
            _ => Regex.Escape(s).Replace("\\*", "[^/]*", StringComparison.Ordinal),
        });
        var body = string.Join("/", parts).Replace("/(?:[^/]+(?:/[^/]+)*)?", "(?:/[^/]+)*", StringComparison.Ordinal);
        return new Regex($"^{body}/?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
