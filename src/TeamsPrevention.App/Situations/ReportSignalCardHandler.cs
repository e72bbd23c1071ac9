using System.Text.Json;
using TeamsPrevention.App.Audit;
using TeamsPrevention.App.Tab;
using TeamsPrevention.App.Bot;
using TeamsPrevention.App.Directory;
using TeamsPrevention.App.PersonalData;

namespace TeamsPrevention.App.Situations;

/// <summary>
/// Records the signal sent from the form card; answers a card with the code only. Text that looks personal is
/// answered with the warning card (<see cref="SituationCards.PersonalDataWarning"/>): "save anyway" sends the
/// sealed draft back with the confirmation, "correct" asks for the blank form.
/// </summary>
internal sealed class ReportSignalCardHandler(SituationService situations, DirectoryService directory, SignalDrafts drafts, TabLinks links, AuditLog audit) : ICardActionHandler
{
    public static string VerbPrefix => "situation.";

    public async Task<CardActionResult> HandleAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        var texts = SituationTexts.For(turn.Language);
        if (action.Verb == SituationCards.ReportFormVerb)
        {
            return CardActionResult.WithCard(SituationCards.ReportForm(turn.Language, situations.Indicators, situations.IndicatorsAreExample));
        }

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

        var confirmed = Read(action.Data, PersonalDataWarning.ConfirmedMember) == "true";
        string? text;
        List<ObservedIndicator> indicators;
        if (confirmed && Read(action.Data, "draft") is { } token)
        {
            if (drafts.Open(person.EntraObjectId, token) is not { } draft)
            {
                return CardActionResult.Error(400, PersonalDataTexts.For(turn.Language).Expired);
            }

            (text, indicators) = draft;
        }
        else
        {
            (text, indicators) = (Read(action.Data, "text"), FromForm(action.Data));
        }

        try
        {
            var created = await situations.ReportAsync(person, new SignalInput(null, null, indicators, text, null, confirmed), cancellationToken);
            return CardActionResult.WithCard(SituationCards.Reported(turn.Language, created.Code));
        }
        catch (PersonalDataWarning warning)
        {
            var labels = new Dictionary<string, string> { ["text"] = texts.ReportText };
            var tag = SituationTexts.Tag(turn.Language);
            foreach (var (observed, index) in indicators.Select((o, i) => (o, i)))
            {
                labels[$"indicators[{index}].evidence"] = situations.Indicators.FirstOrDefault(i => i.Key == observed.Key)?.Label(tag) ?? texts.ReportEvidence;
            }

            var sealedDraft = drafts.Seal(person.EntraObjectId, text, indicators);
            return CardActionResult.WithCard(SituationCards.PersonalDataWarning(turn.Language, warning, labels, sealedDraft, links));
        }
        catch (SituationProblem problem)
        {
            return CardActionResult.Error(problem.Status, problem.Title);
        }
    }

    private List<ObservedIndicator> FromForm(JsonElement data)
    {
        var indicators = new List<ObservedIndicator>();
        foreach (var indicator in situations.Indicators)
        {
            var on = Read(data, "ind_" + indicator.Key) == "true";
            var evidence = Read(data, "ev_" + indicator.Key);
            if (on || !string.IsNullOrWhiteSpace(evidence))
            {
                indicators.Add(new ObservedIndicator(indicator.Key, evidence));
            }
        }

        return indicators;
    }

    private static string? Read(JsonElement data, string name) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
