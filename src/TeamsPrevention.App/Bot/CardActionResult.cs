using System.Text.Json.Nodes;

namespace TeamsPrevention.App.Bot;

/// <summary>The answer to a card action: a card that replaces the pressed one, a short message, or an error.</summary>
public sealed class CardActionResult
{
    private CardActionResult(int statusCode, JsonObject? card, string? message)
    {
        StatusCode = statusCode;
        Card = card;
        Message = message;
    }

    public int StatusCode { get; }

    public JsonObject? Card { get; }

    public string? Message { get; }

    /// <summary>Replace the card, for the person who pressed it, with <paramref name="card"/>.</summary>
    public static CardActionResult WithCard(JsonObject card) => new(200, card, null);

    /// <summary>Show a short text to the person who pressed the button (no personal data).</summary>
    public static CardActionResult WithMessage(string message) => new(200, null, message);

    /// <summary>Refuse the action with a 4xx/5xx status and a short text the person sees.</summary>
    public static CardActionResult Error(int statusCode, string message)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 400);
        return new(statusCode, null, message);
    }
}
