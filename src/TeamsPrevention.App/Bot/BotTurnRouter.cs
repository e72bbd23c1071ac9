using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TeamsPrevention.App.Cards;

namespace TeamsPrevention.App.Bot;

/// <summary>
/// Routes one authenticated activity: messages to commands (or help, or a pointer to help), card actions to their
/// handler, installation and conversation updates to the stored conversation references (and the welcome).
/// Other activity types are acknowledged and ignored. Commands, card handlers, welcome follow-ups and the conversation
/// references are resolved only by the turn that needs them: a card answer builds its own handler and nothing else
/// (no command, no Graph client, no other feature's handler).
/// </summary>
internal sealed partial class BotTurnRouter(
    ConnectorClient connector,
    IServiceProvider services,
    ILogger<BotTurnRouter> logger)
{
    private const string AdaptiveCardAction = "adaptiveCard/action";
    private const string CardContentType = "application/vnd.microsoft.card.adaptive";
    private const string MessageContentType = "application/vnd.microsoft.activity.message";
    private const string ErrorContentType = "application/vnd.microsoft.error";

    /// <summary>Resolved by the turns that store a reference (a card answer needs no database context of its own).</summary>
    private ConversationReferences References => services.GetRequiredService<ConversationReferences>();

    /// <summary>False for an anonymous turn (no channel token): it stores no conversation reference.</summary>
    private bool _signedByChannel = true;

    /// <summary>
    /// Handles the turn; returns the invoke response for an <c>invoke</c>, null for anything else.
    /// <paramref name="signedByChannel"/> is false for an anonymous activity (<c>Bot:AllowAnonymous</c>).
    /// </summary>
    public async Task<InvokeResponse?> RouteAsync(Activity activity, bool signedByChannel, CancellationToken cancellationToken)
    {
        _signedByChannel = signedByChannel;
        connector.SendsNoToken = !signedByChannel;
        var kind = ConversationReferences.KindOf(activity);
        var type = activity.Type!;
        try
        {
            var (outcome, response) = type switch
            {
                ActivityTypes.Message => (await OnMessageAsync(activity, cancellationToken), null),
                ActivityTypes.Invoke => await OnInvokeAsync(activity, cancellationToken),
                ActivityTypes.InstallationUpdate => (await OnInstallationUpdateAsync(activity, kind, cancellationToken), null),
                ActivityTypes.ConversationUpdate => (await OnConversationUpdateAsync(activity, cancellationToken), null),
                _ => (TurnOutcome.Ignored, null),
            };
            BotLog.Turn(logger, type, activity.Name, kind, outcome);
            return response;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            BotLog.TurnFailed(logger, e, type, activity.Name, kind);
            return type == ActivityTypes.Invoke
                ? CardError(HttpStatusCode.InternalServerError, "InternalError", BotTexts.For(Languages.FromTag(activity.ClientLocale)).ActionFailed)
                : null;
        }
    }

    private async Task<TurnOutcome> OnMessageAsync(Activity activity, CancellationToken cancellationToken)
    {
        await References.CaptureAsync(activity, installed: null, _signedByChannel, cancellationToken);

        var (text, mentioned) = ReadText(activity);
        if (ConversationReferences.KindOf(activity) != ConversationKind.Personal && !mentioned)
        {
            return TurnOutcome.NotAddressed;
        }

        var turn = new TurnContext(activity, text, connector);
        var (keyword, arguments) = SplitCommand(text);
        if (keyword.Length > 0 && BotTexts.AllHelpKeywords.Any(help => SameWord(help, keyword)))
        {
            await turn.ReplyAsync(HelpText(turn.Language), cancellationToken);
            return TurnOutcome.Help;
        }

        var (command, commandArguments) = FindCommand(text);
        if (command is null)
        {
            await turn.ReplyAsync(turn.Texts.Unknown, cancellationToken);
            return TurnOutcome.Unknown;
        }

        await command.HandleAsync(turn, commandArguments, cancellationToken);
        return TurnOutcome.Command;
    }

    private async Task<TurnOutcome> OnInstallationUpdateAsync(Activity activity, ConversationKind kind, CancellationToken cancellationToken)
    {
        var action = activity.Action ?? "";
        bool? installed = action.StartsWith("add", StringComparison.OrdinalIgnoreCase) ? true
            : action.StartsWith("remove", StringComparison.OrdinalIgnoreCase) ? false
            : null;
        var newlyInstalled = await References.CaptureAsync(activity, installed, _signedByChannel, cancellationToken);

        // Teams (and the Playground) also send a conversationUpdate for the same installation: only this one
        // welcomes, and only once per installation (a duplicate finds the flag already set).
        if (newlyInstalled && kind == ConversationKind.Personal && string.Equals(action, "add", StringComparison.OrdinalIgnoreCase))
        {
            var turn = new TurnContext(activity, "", connector);
            await turn.SendAsync(turn.Texts.Welcome, cancellationToken);
            foreach (var followUp in services.GetServices<IWelcomeFollowUp>())
            {
                await followUp.SendAsync(turn, cancellationToken);
            }

            return TurnOutcome.Welcomed;
        }

        return TurnOutcome.ReferenceStored;
    }

    private async Task<TurnOutcome> OnConversationUpdateAsync(Activity activity, CancellationToken cancellationToken)
    {
        var botId = activity.Recipient?.Id;
        var botRemoved = activity.MembersRemoved?.Any(m => m.Id == botId) == true;
        await References.CaptureAsync(activity, botRemoved ? false : null, _signedByChannel, cancellationToken);
        return TurnOutcome.ReferenceStored;
    }

    private async Task<(TurnOutcome, InvokeResponse?)> OnInvokeAsync(Activity activity, CancellationToken cancellationToken)
    {
        var name = activity.Name ?? "";
        var texts = BotTexts.For(Languages.FromTag(activity.ClientLocale));
        if (name == AdaptiveCardAction)
        {
            return await OnCardActionAsync(activity, cancellationToken);
        }

        if (name is MessageExtensionWire.Query or MessageExtensionWire.QueryLink
            && services.GetService<IMessageExtensionHandler>() is { } extension)
        {
            return await OnMessageExtensionAsync(extension, activity, name, cancellationToken);
        }

        // Zero-install unfurling (no person we know) and item selection: no result.
        if (name is MessageExtensionWire.Query or MessageExtensionWire.QueryLink or "composeExtension/selectItem"
            or MessageExtensionWire.AnonymousQueryLink)
        {
            var empty = new JsonObject
            {
                ["composeExtension"] = new JsonObject { ["type"] = "result", ["attachmentLayout"] = "list", ["attachments"] = new JsonArray() },
            };
            return (TurnOutcome.NotAvailable, new InvokeResponse(200, empty));
        }

        if (name is "composeExtension/fetchTask" or "task/fetch" or "task/submit" or "composeExtension/submitAction")
        {
            var message = new JsonObject { ["task"] = new JsonObject { ["type"] = "message", ["value"] = texts.NotAvailable } };
            return (TurnOutcome.NotAvailable, new InvokeResponse(200, message));
        }

        // Unknown invokes: 501, as the Bot Framework answers them.
        return (TurnOutcome.NotImplemented, new InvokeResponse(501, null));
    }

    private async Task<(TurnOutcome, InvokeResponse?)> OnMessageExtensionAsync(
        IMessageExtensionHandler extension, Activity activity, string name, CancellationToken cancellationToken)
    {
        var turn = new TurnContext(activity, "", connector);
        if (name == MessageExtensionWire.QueryLink)
        {
            var item = MessageExtensionWire.ReadLink(activity.Value) is { } url
                ? await extension.QueryLinkAsync(turn, url, cancellationToken)
                : null;
            return item is null
                ? (TurnOutcome.Ignored, new InvokeResponse(200, MessageExtensionWire.Result([])))
                : (TurnOutcome.MessageExtension, new InvokeResponse(200, MessageExtensionWire.Result([item])));
        }

        if (MessageExtensionWire.ReadQuery(activity.Value) is not { } query)
        {
            return (TurnOutcome.Invalid, new InvokeResponse(400, null));
        }

        var result = await extension.QueryAsync(turn, query, cancellationToken);
        return (TurnOutcome.MessageExtension, new InvokeResponse(
            200, result.Message is { } text ? MessageExtensionWire.Message(text) : MessageExtensionWire.Result(result.Items)));
    }

    private async Task<(TurnOutcome, InvokeResponse?)> OnCardActionAsync(Activity activity, CancellationToken cancellationToken)
    {
        var texts = BotTexts.For(Languages.FromTag(activity.ClientLocale));
        var action = activity.Value?["action"] as JsonObject;
        var verb = action?["verb"]?.GetValueKind() == JsonValueKind.String ? action["verb"]!.GetValue<string>() : null;
        var actionType = action?["type"]?.GetValueKind() == JsonValueKind.String ? action["type"]!.GetValue<string>() : null;
        if (string.IsNullOrWhiteSpace(verb) || actionType != "Action.Execute")
        {
            return (TurnOutcome.Invalid, CardError(HttpStatusCode.BadRequest, "BadRequest", texts.UnknownAction));
        }

        var route = services.GetServices<CardActionRoute>()
            .Where(r => verb.StartsWith(r.VerbPrefix, StringComparison.Ordinal))
            .MaxBy(r => r.VerbPrefix.Length);
        if (route is null)
        {
            return (TurnOutcome.NotImplemented, CardError(HttpStatusCode.BadRequest, "UnknownVerb", texts.UnknownAction));
        }

        var handler = (ICardActionHandler)services.GetRequiredService(route.HandlerType);

        var data = action!["data"] is { } node ? JsonSerializer.SerializeToElement(node) : JsonSerializer.SerializeToElement(new JsonObject());
        var turn = new TurnContext(activity, "", connector);
        var result = await handler.HandleAsync(turn, new CardAction(verb, data, activity.ReplyToId), cancellationToken);
        if (result.StatusCode >= 400)
        {
            return (TurnOutcome.Refused, CardError((HttpStatusCode)result.StatusCode, "Refused", result.Message ?? texts.ActionFailed));
        }

        object body = result.Card is { } card
            ? new CardInvokeBody(200, CardContentType, card)
            : new JsonObject { ["statusCode"] = 200, ["type"] = MessageContentType, ["value"] = result.Message ?? "" };
        return (TurnOutcome.CardAction, new InvokeResponse(200, body));
    }

    private static InvokeResponse CardError(HttpStatusCode status, string code, string message) => new(
        (int)status,
        new JsonObject
        {
            ["statusCode"] = (int)status,
            ["type"] = ErrorContentType,
            ["value"] = new JsonObject { ["code"] = code, ["message"] = message },
        });

    private string HelpText(UserLanguage language)
    {
        var texts = BotTexts.For(language);
        var lines = new List<string> { string.Format(CultureInfo.InvariantCulture, texts.HelpLine, texts.HelpKeyword, texts.HelpDescription) };
        foreach (var text in services.GetServices<IBotCommand>()
                     .Select(c => c.Texts.TryGetValue(language, out var t) ? t : c.Texts.GetValueOrDefault(UserLanguage.Fr) ?? c.Texts.Values.First())
                     .OrderBy(t => t.Keyword, StringComparer.CurrentCulture))
        {
            lines.Add(string.Format(CultureInfo.InvariantCulture, texts.HelpLine, text.Keyword, text.Description));
        }

        return texts.HelpTitle + "\n\n" + string.Join("\n", lines);
    }

    /// <summary>The text addressed to the bot: its own mention removed, markup and entities decoded, trimmed.</summary>
    internal static (string Text, bool Mentioned) ReadText(Activity activity)
    {
        var text = activity.Text ?? "";
        var mentioned = false;
        var botId = activity.Recipient?.Id;
        foreach (var mention in activity.Entities?.Where(e => e.Type == EntityTypes.Mention && e.Mentioned?.Id == botId && botId is not null) ?? [])
        {
            mentioned = true;
            text = string.IsNullOrEmpty(mention.Text) ? text : text.Replace(mention.Text, " ", StringComparison.Ordinal);
        }

        text = WebUtility.HtmlDecode(Markup().Replace(text, " ")).Replace('\u00a0', ' ');
        return (Spaces().Replace(text, " ").Trim(), mentioned);
    }

    private static (string Keyword, string Arguments) SplitCommand(string text)
    {
        var trimmed = text.TrimStart('/').Trim();
        var space = trimmed.IndexOf(' ', StringComparison.Ordinal);
        var keyword = (space < 0 ? trimmed : trimmed[..space]).TrimEnd('.', ',', '!', '?', ':', ';');
        var arguments = space < 0 ? "" : trimmed[(space + 1)..].Trim();
        return (keyword, arguments);
    }

    /// <summary>
    /// The command whose keyword (one or several words, e.g. <c>mes alertes</c>) begins the text, the longest keyword
    /// winning, in any of the product's languages; and the text after it.
    /// </summary>
    private (IBotCommand? Command, string Arguments) FindCommand(string text)
    {
        var words = Words(text.TrimStart('/'));
        IBotCommand? best = null;
        var bestLength = 0;
        foreach (var command in services.GetServices<IBotCommand>())
        {
            foreach (var keyword in command.Texts.Values.SelectMany(t => t.Aliases.Prepend(t.Keyword)).Select(Words))
            {
                if (keyword.Length > bestLength && keyword.Length <= words.Length
                    && keyword.Select((word, i) => SameWord(word, words[i].TrimEnd('.', ',', '!', '?', ':', ';'))).All(same => same))
                {
                    best = command;
                    bestLength = keyword.Length;
                }
            }
        }

        return (best, string.Join(' ', words.Skip(bestLength)));
    }

    private static string[] Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool SameWord(string a, string b) =>
        string.Compare(a, b, CultureInfo.InvariantCulture, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) == 0;

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Markup();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
