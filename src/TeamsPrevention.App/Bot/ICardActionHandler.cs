namespace TeamsPrevention.App.Bot;

/// <summary>
/// Handles the <c>Action.Execute</c> verbs of Adaptive Cards that start with <see cref="VerbPrefix"/>
/// (e.g. <c>alert.</c> for <c>alert.acknowledge</c>). The longest matching prefix wins.
/// Register implementations with <c>services.AddCardActionHandler&lt;MyHandler&gt;()</c>: the router builds only the
/// handler whose prefix matches, not every handler (and what they depend on) for every card action.
/// </summary>
public interface ICardActionHandler
{
    static abstract string VerbPrefix { get; }

    /// <summary>Answers within a few seconds (Teams gives up after about 10 s): do slow work afterwards.</summary>
    Task<CardActionResult> HandleAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken);
}
