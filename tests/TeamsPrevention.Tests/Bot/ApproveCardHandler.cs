using System.Text.Json.Nodes;
using TeamsPrevention.App.Bot;

namespace TeamsPrevention.Tests.Bot;

/// <summary>A card action handler registered by the tests for the verbs starting with <c>approve</c>.</summary>
public sealed class ApproveCardHandler : ICardActionHandler
{
    public static string VerbPrefix => "approve";

    public Task<CardActionResult> HandleAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken) => action.Verb switch
    {
        "approve" => Task.FromResult(CardActionResult.WithCard(new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["version"] = "1.5",
            ["body"] = new JsonArray(new JsonObject
            {
                ["type"] = "TextBlock",
                ["text"] = $"approved {action.Data.GetProperty("orderId").GetInt32()} from {action.CardActivityId}",
            }),
        })),
        "approve.message" => Task.FromResult(CardActionResult.WithMessage("done")),
        "approve.refused" => Task.FromResult(CardActionResult.Error(412, "stale")),
        _ => throw new InvalidOperationException("The handler failed."),
    };
}
