using System.Text.Json;
using TeamsPrevention.App.Audit;
using TeamsPrevention.App.Bot;
using TeamsPrevention.App.Directory;

namespace TeamsPrevention.App.Situations;

/// <summary>Records the signal sent from the form card; answers a card with the code only.</summary>
internal sealed class ReportSignalCardHandler(SituationService situations, DirectoryService directory, AuditLog audit) : ICardActionHandler
{
    public static string VerbPrefix => "situation.";

    public async Task<CardActionResult> HandleAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        var texts = SituationTexts.For(turn.Language);
        if (action.Verb != SituationCards.ReportVerb)
        {
            return CardActionResult.Error(400, turn.Texts.UnknownAction);
        }

        if (await SituationBotActor.FindAsync(directory, turn, cancellationToken) is not { } person)
        {
            await audit.RecordAsync(
                new AuditRecord(Guid.TryParse(turn.PersonAadObjectId, out var oid) ? oid.ToString() : "unknown", null, AuditAction.Denied,
                    TargetType: "Situation", Purpose: "Report refused (403): not in the directory", Outcome: AuditOutcome.Denied),
                cancellationToken);
            return CardActionResult.Error(403, texts.UnknownPerson);
        }

        var indicators = new List<ObservedIndicator>();
        foreach (var indicator in situations.Indicators)
        {
            var on = Read(action.Data, "ind_" + indicator.Key) == "true";
            var evidence = Read(action.Data, "ev_" + indicator.Key);
            if (on || !string.IsNullOrWhiteSpace(evidence))
            {
                indicators.Add(new ObservedIndicator(indicator.Key, evidence));
            }
        }

        try
        {
            var created = await situations.ReportAsync(person, new SignalInput(null, null, indicators, Read(action.Data, "text"), null), cancellationToken);
            return CardActionResult.WithCard(SituationCards.Reported(turn.Language, created.Code));
        }
        catch (SituationProblem problem)
        {
            return CardActionResult.Error(problem.Status, problem.Title);
        }
    }

    private static string? Read(JsonElement data, string name) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
