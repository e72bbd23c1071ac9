using System.Text.Json;
using TeamsPrevention.App.Audit;
using TeamsPrevention.App.Bot;
using TeamsPrevention.App.Cards;

namespace TeamsPrevention.App.Secrecy;

/// <summary>
/// <c>secrecy.accept</c>: records the acknowledgement of the person who pressed the button (once) and replaces the card,
/// for them, with the acknowledged one. Pressing again answers the same acknowledged card.
/// </summary>
internal sealed class SecrecyCardHandler(SecrecyAcknowledgements acknowledgements, AuditLog audit, ILogger<SecrecyCardHandler> logger)
    : ICardActionHandler
{
    public static string VerbPrefix => "secrecy.";

    public async Task<CardActionResult> HandleAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(action);
        if (action.Verb != SecrecyCards.AcceptVerb)
        {
            return CardActionResult.Error(400, turn.Texts.UnknownAction);
        }

        var scope = ReadString(action.Data, "scope") ?? SecrecyAcknowledgement.GeneralScope;
        var version = ReadInt(action.Data, "version");
        if (scope != SecrecyAcknowledgement.GeneralScope || version is null)
        {
            SecrecyLog.Refused(logger, "unknown scope or no text version");
            return CardActionResult.Error(400, turn.Texts.UnknownAction);
        }

        var person = await acknowledgements.FindPersonAsync(turn, cancellationToken);
        if (person is null)
        {
            SecrecyLog.Refused(logger, "not in the directory");
            await audit.RecordAsync(
                new AuditRecord(
                    ActorOf(turn),
                    null,
                    AuditAction.Acknowledge,
                    TargetType: SecrecyAcknowledgements.AuditTargetType,
                    TargetId: $"{scope}/v{version}",
                    Outcome: AuditOutcome.Denied),
                cancellationToken);
            return CardActionResult.Error(403, SecrecyTexts.For(turn.Language).NotInDirectory);
        }

        var language = SecrecyAcknowledgements.LanguageOf(person);
        if (version != SecrecyCards.TextVersion)
        {
            // The wording changed since the card was sent: show the current text to accept, record nothing.
            return CardActionResult.WithCard(SecrecyCards.Pending(language, scope));
        }

        var (acknowledgement, _) = await acknowledgements.AcknowledgeAsync(person, scope, version.Value, cancellationToken);
        return CardActionResult.WithCard(SecrecyCards.Acknowledged(language, acknowledgement.AcknowledgedAt, acknowledgement.TextVersion));
    }

    private static string ActorOf(TurnContext turn) =>
        Guid.TryParse(turn.PersonAadObjectId, out var id) ? id.ToString("D") : "unknown";

    private static string? ReadString(JsonElement data, string name) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static int? ReadInt(JsonElement data, string name) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            && value.TryGetInt32(out var number)
            ? number
            : null;
}
