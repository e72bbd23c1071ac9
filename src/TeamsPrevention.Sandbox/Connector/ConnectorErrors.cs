using System.Text.Json.Nodes;

namespace TeamsPrevention.Sandbox.Connector;

/// <summary>Errors in the Bot Connector's shape: <c>{"error":{"code":"...","message":"..."}}</c>.</summary>
public static class ConnectorErrors
{
    public static IResult Error(int status, string code, string message, string? subCode = null)
    {
        var error = new JsonObject { ["code"] = code, ["message"] = message };
        if (subCode is not null)
        {
            error["subCode"] = subCode;
        }

        return TypedResults.Json(new JsonObject { ["error"] = error }, statusCode: status);
    }

    public static IResult BadArgument(string message) => Error(400, "BadArgument", message);

    public static IResult Unauthorized(string message) =>
        Error(401, "Unauthorized", $"Authorization has been denied for this request. {message}".Trim());

    public static IResult ConversationNotFound() => Error(404, "ConversationNotFound", "Conversation not found.");

    public static IResult NotInRoster() => Error(403, "BotNotInConversationRoster", "The bot is not part of the conversation roster.");

    public static IResult Blocked() =>
        Error(403, "ConversationBlockedByUser", "User blocked the conversation with the bot.", "MessageWritesBlocked");

    public static IResult Throttled(Realism.RateLimitDecision decision) =>
        Error(429, "Throttled", $"Too many requests. Retry after {decision.RetryAfterSeconds} seconds.");
}
