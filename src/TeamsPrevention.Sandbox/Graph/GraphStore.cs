using TeamsPrevention.Sandbox.Tenant;

namespace TeamsPrevention.Sandbox.Graph;

/// <summary>
/// The mutable state of the sandbox's Graph: teams, members, channels, channel members, events, online meetings and
/// installed apps. Users are the city tenant's personas (read-only; synthetic ones included while they exist). Every access holds <see cref="Sync"/>.
/// <see cref="Reset"/> restores the seeded demo tenant.
/// </summary>
public sealed class GraphStore
{
    private readonly TimeProvider _time;

    private readonly SandboxState _state;

    public GraphStore(TimeProvider time, SandboxState state)
    {
        _time = time;
        _state = state;
        Reset();
    }

    /// <summary>Held by every handler for the whole request: the store is small and requests are short.</summary>
    public Lock Sync { get; } = new();

    public Dictionary<string, SandboxTeam> Teams { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, SandboxEvent> Events { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, SandboxOnlineMeeting> OnlineMeetings { get; } = new(StringComparer.Ordinal);

    public List<SandboxInstalledApp> InstalledApps { get; } = [];

    /// <summary>Roles the cell's people hold in the team at start: the chair, the coordinator and the admin own it.</summary>
    public static bool IsSeedOwner(DemoPersona persona) => persona.Role is "Chair" or "Coordinator" or "Admin";

    /// <summary>The city tenant's users: the demo personas, plus the synthetic ones while they exist (<c>POST {S}personas/synthetic</c>).</summary>
    public IReadOnlyList<DemoPersona> Users => _state.FindTenant(DemoTenant.TenantId)?.Personas ?? DemoTenant.Personas;

    /// <summary>A user by object id or user principal name.</summary>
    public DemoPersona? FindUser(string idOrUpn)
    {
        var users = Users;
        return users.FirstOrDefault(p => string.Equals(p.ObjectId, idOrUpn, StringComparison.OrdinalIgnoreCase))
            ?? users.FirstOrDefault(p => string.Equals(p.UserPrincipalName, idOrUpn, StringComparison.OrdinalIgnoreCase));
    }

    public void Reset()
    {
        lock (Sync)
        {
            Teams.Clear();
            Events.Clear();
            OnlineMeetings.Clear();
            InstalledApps.Clear();

            var now = _time.GetUtcNow();
            var team = new SandboxTeam(DemoTenant.CellTeamId, DemoTenant.CellTeamName, now)
            {
                Description = "Cellule de sécurité intégrale locale – radicalisme (démonstration)",
            };
            foreach (var userId in DemoTenant.CellTeamMemberIds)
            {
                var persona = DemoTenant.FindPersona(userId)!;
                team.Members.Add(new SandboxMember(GraphIds.Membership(team.Id, userId), userId, IsSeedOwner(persona) ? ["owner"] : []));
            }

            team.Channels.Add(new SandboxChannel($"19:{team.Id.Replace("-", "", StringComparison.Ordinal)}@thread.tacv2", "General", "standard", now)
            {
                IsGeneral = true,
            });
            Teams[team.Id] = team;
        }
    }

    /// <summary>Completes the shared-channel operations whose time has come.</summary>
    public void AdvanceOperations()
    {
        var now = _time.GetUtcNow();
        foreach (var team in Teams.Values)
        {
            foreach (var operation in team.Operations.Values.Where(o => o.ReadyAt <= now))
            {
                var channel = team.Channels.FirstOrDefault(c => c.Id == operation.ChannelId);
                if (channel is not null)
                {
                    channel.IsProvisioned = true;
                }
            }
        }
    }
}
