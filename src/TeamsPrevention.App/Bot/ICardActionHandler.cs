namespace TeamsPrevention.App.Bot;

/// <summary>
/// Handles the <c>Action.Execute</c> verbs of Adaptive Cards that start with <see cref="VerbPrefix"/>
/// (e.g. <c>alert.</c> for <c>alert.acknowledge</c>). The longest matching prefix wins.
/// Register implementations with <c>services.AddScoped&lt;ICardActionHandler, MyHandler&gt;()</c>.
/// </summary>
public interface ICardActionHandler
{
    string VerbPrefix { get; }

    /// <summary>Answers within a few seconds (Teams gives up after about 10 s): do slow work afterwards.</summary>
    Task<CardActionResult> HandleAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken);
}
