using TeamsPrevention.App.Bot;

namespace TeamsPrevention.Tests.Bot;

/// <summary>
/// A card action handler that cannot be built (for the verbs starting with <c>broken.</c>): registered beside
/// <see cref="ApproveCardHandler"/>, it shows the router builds only the handler whose prefix matches the verb.
/// </summary>
public sealed class UnbuildableCardHandler : ICardActionHandler
{
    public UnbuildableCardHandler() => throw new InvalidOperationException("Built for a verb that is not its own.");

    public static string VerbPrefix => "broken.";

    public Task<CardActionResult> HandleAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("Never built.");
}
