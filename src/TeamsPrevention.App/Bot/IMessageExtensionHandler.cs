using System.Text.Json.Nodes;

namespace TeamsPrevention.App.Bot;

/// <summary>
/// Answers the app's message extension: the search command (<c>composeExtension/query</c>) and link unfurling
/// (<c>composeExtension/queryLink</c>). One feature implements it, registered with
/// <c>services.AddMessageExtensionHandler&lt;MyHandler&gt;()</c>; the router builds it only for those invokes. The wire
/// format (the invoke's <c>value</c>, the <c>composeExtension</c> answer) stays in <c>Bot/</c>
/// (<see cref="MessageExtensionWire"/>).
/// </summary>
public interface IMessageExtensionHandler
{
    /// <summary>The person typed in the compose box, the command box or Outlook's Apps menu (Teams gives up after 5 s).</summary>
    Task<MessageExtensionResult> QueryAsync(TurnContext turn, MessageExtensionQuery query, CancellationToken cancellationToken);

    /// <summary>A link of the app's domain was pasted: a card for it, or null to leave it as a plain link.</summary>
    Task<MessageExtensionItem?> QueryLinkAsync(TurnContext turn, Uri url, CancellationToken cancellationToken);
}

/// <summary>A search: the command's id, the text typed (empty for the initial run) and the page Teams asks for.</summary>
public sealed record MessageExtensionQuery(string CommandId, string Text, bool InitialRun, int Skip, int Count);

/// <summary>
/// One result: the card inserted into the message (Adaptive Card ≤ 1.3 for unfurling) and the preview Teams shows in
/// the result list (a title and a short text; no personal data).
/// </summary>
public sealed record MessageExtensionItem(JsonObject Card, string PreviewTitle, string PreviewText);

/// <summary>The answer to a search: a list of results, or a short text shown instead of results.</summary>
public sealed class MessageExtensionResult
{
    private MessageExtensionResult(IReadOnlyList<MessageExtensionItem> items, string? message)
    {
        Items = items;
        Message = message;
    }

    public IReadOnlyList<MessageExtensionItem> Items { get; }

    public string? Message { get; }

    public static MessageExtensionResult WithItems(IReadOnlyList<MessageExtensionItem> items) => new(items, null);

    /// <summary>A text shown in place of results (unknown person, nothing found…).</summary>
    public static MessageExtensionResult WithMessage(string message) => new([], message);
}

public static class MessageExtensionHandlers
{
    /// <summary>Registers <typeparamref name="THandler"/> (scoped) as the app's message extension.</summary>
    public static IServiceCollection AddMessageExtensionHandler<THandler>(this IServiceCollection services)
        where THandler : class, IMessageExtensionHandler
    {
        services.AddScoped<IMessageExtensionHandler, THandler>();
        return services;
    }
}
