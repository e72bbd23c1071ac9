using System.Globalization;
using System.Text;
using TeamsPrevention.App.Bot;
using TeamsPrevention.App.Cards;
using TeamsPrevention.App.Directory;
using TeamsPrevention.App.Tab;

namespace TeamsPrevention.App.Alerts;

/// <summary>
/// <c>mes alertes</c> / <c>my alerts</c>: the alerts awaiting the caller's answer (reference, severity, deadline, link),
/// never their content.
/// </summary>
public sealed class MyAlertsCommand(DirectoryService directory, AlertService alerts, TabLinks links, WorkingCalendar calendar) : IBotCommand
{
    public IReadOnlyDictionary<UserLanguage, BotCommandText> Texts { get; } = AlertTexts.All.ToDictionary(
        l => l, l => new BotCommandText(AlertTexts.For(l).MineKeyword, AlertTexts.For(l).MineDescription));

    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var texts = AlertTexts.For(turn.Language);
        var person = Guid.TryParse(turn.PersonAadObjectId, out var oid) ? await directory.FindByEntraObjectIdAsync(oid, cancellationToken) : null;
        if (person is null)
        {
            await turn.ReplyAsync(texts.NothingPending, cancellationToken);
            return;
        }

        var pending = await alerts.PendingForAsync(person, cancellationToken);
        if (pending.Count == 0)
        {
            await turn.ReplyAsync(texts.NothingPending, cancellationToken);
            return;
        }

        var culture = CultureInfo.GetCultureInfo(texts.Culture);
        var text = new StringBuilder(texts.Pending);
        foreach (var alert in pending.Take(20))
        {
            text.Append(CultureInfo.InvariantCulture, $"\n\n- [{alert.Reference}]({links.Alert(alert.Id).InTeams}) — {texts.Severities[alert.Severity]}, {texts.Deadline.ToLower(culture)} ")
                .Append(calendar.ToLocal(alert.Deadline).ToString("dddd d MMMM HH:mm", culture));
        }

        await turn.ReplyAsync(text.ToString(), cancellationToken);
    }
}
