namespace TeamsPrevention.App.Audit;

/// <summary>
/// One thing to write to the audit log. No personal data: the actor is an Entra object id (pseudonymous), the target
/// is a type and an identifier (a situation code, a record id), the purpose a short fixed phrase.
/// </summary>
/// <param name="Actor">The Entra object id of who acted, or <see cref="SystemActor"/>.</param>
/// <param name="ActorRole">The role under which they acted (e.g. <c>Referent</c>); several as a comma list.</param>
/// <param name="Action">What was done.</param>
/// <param name="SituationCode">The situation concerned, by its random code, if any.</param>
/// <param name="TargetType">What kind of thing was touched (<c>Situation</c>, <c>Person</c>, <c>AuditLog</c>…).</param>
/// <param name="TargetId">Its identifier (never a name).</param>
/// <param name="Purpose">Why, in a few words (break-glass: the written reason's reference, not the reason's text if it names someone).</param>
/// <param name="Outcome">Success unless refused or failed.</param>
public sealed record AuditRecord(
    string Actor,
    string? ActorRole,
    AuditAction Action,
    string? SituationCode = null,
    string? TargetType = null,
    string? TargetId = null,
    string? Purpose = null,
    AuditOutcome Outcome = AuditOutcome.Success)
{
    /// <summary>The actor of what the App does by itself (migrations, seeding, retention).</summary>
    public const string SystemActor = "system";

    public const int MaxActorLength = 64;
    public const int MaxRoleLength = 128;
    public const int MaxSituationCodeLength = 32;
    public const int MaxTargetTypeLength = 64;
    public const int MaxTargetIdLength = 128;
    public const int MaxPurposeLength = 256;

    internal void Validate()
    {
        Check(Actor, MaxActorLength, nameof(Actor));
        ArgumentException.ThrowIfNullOrWhiteSpace(Actor);
        Check(ActorRole, MaxRoleLength, nameof(ActorRole));
        Check(SituationCode, MaxSituationCodeLength, nameof(SituationCode));
        Check(TargetType, MaxTargetTypeLength, nameof(TargetType));
        Check(TargetId, MaxTargetIdLength, nameof(TargetId));
        Check(Purpose, MaxPurposeLength, nameof(Purpose));
    }

    private static void Check(string? value, int max, string name)
    {
        if (value is not null && value.Length > max)
        {
            throw new ArgumentException($"{name} is longer than {max} characters.", name);
        }
    }
}
