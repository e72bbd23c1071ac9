using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using TeamsPrevention.Sandbox.Connector;

namespace TeamsPrevention.Sandbox.Tenant;

/// <summary>
/// The sandbox tenants' mutable state, in memory: who installed or blocked the bot, the Bot Connector's conversations
/// and every persona's inbox, the cell team's members. Seeded from <see cref="DemoTenant"/>; <see cref="ResetToSeed"/>
/// (<c>POST /sandbox/reset</c>) restores the seed and raises <see cref="Resetting"/> so other parts (Graph) restore
/// theirs. Thread-safe: every method takes one lock; what it returns is a copy.
/// </summary>
public sealed class SandboxState
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly IOptions<SandboxOptions> _options;
    private readonly Dictionary<string, SandboxConversation> _conversations = new(StringComparer.Ordinal);
    private readonly HashSet<(string TenantId, string UserId, string AppId)> _installations = [];
    private readonly HashSet<(string TenantId, string UserId)> _blocked = [];
    private readonly Dictionary<(string TenantId, string TeamId), HashSet<string>> _teamMembers = [];
    private readonly Dictionary<(string TenantId, string TeamId), Dictionary<string, string?>> _teamChannels = [];
    private long _lastActivityStamp;
    private IReadOnlyList<SandboxTenant> _tenants = SandboxTenant.Seed;

    public SandboxState(TimeProvider time, IOptions<SandboxOptions> options)
    {
        _time = time;
        _options = options;
        Seed();
    }

    /// <summary>Raised after <see cref="ResetToSeed"/> restored this state (outside the lock).</summary>
    public event Action? Resetting;

    /// <summary>Both sandbox tenants (app registrations are fixed; the city's directory is the demo one plus any <see cref="SyntheticPersonas"/>).</summary>
    public IReadOnlyList<SandboxTenant> Tenants => Volatile.Read(ref _tenants);

    public SandboxTenant? FindTenant(string tenantId) =>
        Tenants.FirstOrDefault(t => string.Equals(t.TenantId, tenantId, StringComparison.OrdinalIgnoreCase));

    public DemoPersona? FindPersona(string tenantId, string objectId) => FindTenant(tenantId)?.FindPersona(objectId);

    /// <summary>Forgets conversations, inboxes, blocks and installations, then seeds again and raises <see cref="Resetting"/>.</summary>
    public void ResetToSeed()
    {
        lock (_gate)
        {
            _conversations.Clear();
            _installations.Clear();
            _blocked.Clear();
            _teamMembers.Clear();
            _teamChannels.Clear();
            Volatile.Write(ref _tenants, SandboxTenant.Seed);
            Seed();
        }

        Resetting?.Invoke();
    }

    /// <summary>
    /// Gives the city's tenant the demo personas plus synthetic personas 1 to <paramref name="count"/> (replacing any
    /// earlier synthetic ones; the bot is installed for them when <see cref="SandboxOptions.PreinstallBot"/>). Until reset.
    /// </summary>
    public IReadOnlyList<DemoPersona> SetSyntheticPersonas(int count)
    {
        var synthetic = SyntheticPersonas.Create(count);
        lock (_gate)
        {
            var tenants = SandboxTenant.Seed
                .Select(t => t.TenantId == DemoTenant.TenantId ? t with { Personas = [.. DemoTenant.Personas, .. synthetic] } : t)
                .ToList();
            Volatile.Write(ref _tenants, tenants);
            if (_options.Value.PreinstallBot)
            {
                var city = tenants.First(t => t.TenantId == DemoTenant.TenantId);
                foreach (var persona in synthetic)
                {
                    foreach (var app in city.Apps)
                    {
                        _installations.Add(Key(city.TenantId, persona.ObjectId, app.ClientId));
                    }
                }
            }
        }

        return synthetic;
    }

    // ---- installations and blocks ----

    public bool IsAppInstalled(string tenantId, string userObjectId, string appId)
    {
        lock (_gate)
        {
            return _installations.Contains(Key(tenantId, userObjectId, appId));
        }
    }

    /// <summary>Installs the app for the user (as Graph's installedApps or the user would). False when already there.</summary>
    public bool InstallApp(string tenantId, string userObjectId, string appId)
    {
        lock (_gate)
        {
            return _installations.Add(Key(tenantId, userObjectId, appId));
        }
    }

    public bool UninstallApp(string tenantId, string userObjectId, string appId)
    {
        lock (_gate)
        {
            return _installations.Remove(Key(tenantId, userObjectId, appId));
        }
    }

    /// <summary>App ids installed for the user.</summary>
    public IReadOnlyList<string> InstalledApps(string tenantId, string userObjectId)
    {
        lock (_gate)
        {
            return [.. _installations
                .Where(i => i.TenantId == tenantId.ToLowerInvariant() && i.UserId == userObjectId.ToLowerInvariant())
                .Select(i => i.AppId)];
        }
    }

    public bool IsBlocked(string tenantId, string userObjectId)
    {
        lock (_gate)
        {
            return _blocked.Contains((tenantId.ToLowerInvariant(), userObjectId.ToLowerInvariant()));
        }
    }

    /// <summary>Marks the persona as having blocked the bot: sends to them answer 403 MessageWritesBlocked.</summary>
    public void SetBlocked(string tenantId, string userObjectId, bool blocked)
    {
        lock (_gate)
        {
            var key = (tenantId.ToLowerInvariant(), userObjectId.ToLowerInvariant());
            if (blocked)
            {
                _blocked.Add(key);
            }
            else
            {
                _blocked.Remove(key);
            }
        }
    }

    // ---- team membership (the Bot Connector's view; Graph may keep it in step) ----

    /// <summary>Object ids of the team's members (the cell team starts with <see cref="DemoTenant.CellTeamMemberIds"/>).</summary>
    public IReadOnlyList<string> TeamMembers(string tenantId, string teamId)
    {
        lock (_gate)
        {
            return _teamMembers.TryGetValue((tenantId.ToLowerInvariant(), teamId.ToLowerInvariant()), out var members) ? [.. members] : [];
        }
    }

    public bool IsTeamKnown(string tenantId, string teamId)
    {
        lock (_gate)
        {
            return _teamMembers.ContainsKey((tenantId.ToLowerInvariant(), teamId.ToLowerInvariant()));
        }
    }

    public void SetTeamMember(string tenantId, string teamId, string userObjectId, bool member)
    {
        lock (_gate)
        {
            var key = (tenantId.ToLowerInvariant(), teamId.ToLowerInvariant());
            if (!_teamMembers.TryGetValue(key, out var members))
            {
                members = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                _teamMembers[key] = members;
            }

            if (member)
            {
                members.Add(userObjectId);
            }
            else
            {
                members.Remove(userObjectId);
            }
        }
    }

    /// <summary>
    /// Channels the Bot Connector lists for the team (<c>GET /v3/teams/{id}/conversations</c>) besides General:
    /// thread id (<c>19:...@thread.tacv2</c>) and name. Graph keeps this in step when it creates or deletes channels.
    /// </summary>
    public void SetTeamChannel(string tenantId, string teamId, string channelId, string? name, bool present)
    {
        lock (_gate)
        {
            var key = (tenantId.ToLowerInvariant(), teamId.ToLowerInvariant());
            if (!_teamChannels.TryGetValue(key, out var channels))
            {
                channels = new Dictionary<string, string?>(StringComparer.Ordinal);
                _teamChannels[key] = channels;
            }

            if (present)
            {
                channels[channelId] = name;
            }
            else
            {
                channels.Remove(channelId);
            }
        }
    }

    public IReadOnlyList<(string Id, string? Name)> TeamChannels(string tenantId, string teamId)
    {
        lock (_gate)
        {
            return _teamChannels.TryGetValue((tenantId.ToLowerInvariant(), teamId.ToLowerInvariant()), out var channels)
                ? [.. channels.Select(c => (c.Key, c.Value))]
                : [];
        }
    }

    // ---- conversations and inboxes ----

    /// <summary>The 1:1 conversation between the app and the persona, created on first use (same id afterwards).</summary>
    public ConversationSnapshot GetOrCreateConversation(string tenantId, string appId, DemoPersona persona, out bool created)
    {
        lock (_gate)
        {
            var existing = _conversations.Values.FirstOrDefault(c =>
                string.Equals(c.TenantId, tenantId, StringComparison.OrdinalIgnoreCase)
                && string.Equals(c.AppId, appId, StringComparison.OrdinalIgnoreCase)
                && string.Equals(c.PersonaObjectId, persona.ObjectId, StringComparison.OrdinalIgnoreCase));
            created = existing is null;
            if (existing is null)
            {
                existing = new SandboxConversation(NewConversationId(), tenantId, appId, persona.ObjectId, persona.TeamsUserId, _time.GetUtcNow());
                _conversations[existing.Id] = existing;
            }

            return existing.Snapshot();
        }
    }

    public ConversationSnapshot? FindConversation(string conversationId)
    {
        lock (_gate)
        {
            return _conversations.TryGetValue(conversationId, out var conversation) ? conversation.Snapshot() : null;
        }
    }

    /// <summary>The persona's conversations with any bot of their tenant (their inbox).</summary>
    public IReadOnlyList<ConversationSnapshot> ConversationsOf(string tenantId, string personaObjectId)
    {
        lock (_gate)
        {
            return [.. _conversations.Values
                .Where(c => string.Equals(c.TenantId, tenantId, StringComparison.OrdinalIgnoreCase)
                    && string.Equals(c.PersonaObjectId, personaObjectId, StringComparison.OrdinalIgnoreCase))
                .OrderBy(c => c.CreatedAt)
                .Select(c => c.Snapshot())];
        }
    }

    /// <summary>
    /// Adds an activity to the conversation, giving it a fresh id (also written into the stored JSON with the
    /// timestamp and conversation), and returns the id; null when the conversation does not exist.
    /// </summary>
    public string? AppendActivity(string conversationId, string sender, JsonObject activity, string? replyToId)
    {
        lock (_gate)
        {
            if (!_conversations.TryGetValue(conversationId, out var conversation))
            {
                return null;
            }

            var now = _time.GetUtcNow();
            var stamp = Math.Max(now.ToUnixTimeMilliseconds(), _lastActivityStamp + 1);
            _lastActivityStamp = stamp;
            var id = stamp.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var stored = (JsonObject)activity.DeepClone();
            stored["id"] = id;
            stored["timestamp"] ??= now.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
            stored["conversation"] ??= new JsonObject { ["id"] = conversation.Id };
            if (replyToId is not null)
            {
                stored["replyToId"] = replyToId;
            }

            conversation.Activities.Add(new SandboxConversation.StoredActivity(id, sender, replyToId, now, stored));
            return id;
        }
    }

    /// <summary>Replaces an activity in place (keeping its earlier versions). False when it does not exist.</summary>
    public bool UpdateActivity(string conversationId, string activityId, JsonObject activity, string? onlySender = null)
    {
        lock (_gate)
        {
            var stored = Find(conversationId, activityId);
            if (stored is null || (onlySender is not null && stored.Sender != onlySender))
            {
                return false;
            }

            var version = (JsonObject)activity.DeepClone();
            version["id"] = activityId;
            version["timestamp"] ??= stored.Timestamp.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
            version["conversation"] ??= new JsonObject { ["id"] = conversationId };
            stored.Versions.Add(version);
            return true;
        }
    }

    public ActivitySnapshot? FindActivity(string conversationId, string activityId)
    {
        lock (_gate)
        {
            return Find(conversationId, activityId)?.Snapshot();
        }
    }

    private SandboxConversation.StoredActivity? Find(string conversationId, string activityId) =>
        _conversations.TryGetValue(conversationId, out var conversation)
            ? conversation.Activities.FirstOrDefault(a => a.Id == activityId)
            : null;

    private void Seed()
    {
        if (_options.Value.PreinstallBot)
        {
            foreach (var tenant in Tenants)
            {
                foreach (var persona in tenant.Personas)
                {
                    foreach (var app in tenant.Apps)
                    {
                        _installations.Add(Key(tenant.TenantId, persona.ObjectId, app.ClientId));
                    }
                }
            }
        }

        var cell = new HashSet<string>(DemoTenant.CellTeamMemberIds, StringComparer.OrdinalIgnoreCase);
        _teamMembers[(DemoTenant.TenantId.ToLowerInvariant(), DemoTenant.CellTeamId.ToLowerInvariant())] = cell;
    }

    private static (string, string, string) Key(string tenantId, string userId, string appId) =>
        (tenantId.ToLowerInvariant(), userId.ToLowerInvariant(), appId.ToLowerInvariant());

    /// <summary>Teams-like personal conversation id (<c>a:1...</c>).</summary>
    private static string NewConversationId() =>
        "a:1" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(45)).Replace('+', '-').Replace('/', '_');
}
