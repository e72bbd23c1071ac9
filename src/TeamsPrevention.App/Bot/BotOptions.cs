using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace TeamsPrevention.App.Bot;

/// <summary>The bot endpoint and the outbound Bot Connector client. Bound from the <c>Bot</c> section.</summary>
public sealed class BotOptions
{
    public const string Section = "Bot";

    /// <summary>
    /// Accept activities that carry no <c>Authorization</c> header (the Agents Playground sends none). For local use
    /// only: refused at start in Production. A header that is present is always validated.
    /// </summary>
    public bool AllowAnonymous { get; set; }

    /// <summary>The largest activity body accepted on <c>/api/messages</c>, in bytes; larger ones get 413.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxActivityBytes { get; set; } = 262144;

    /// <summary>Outbound calls to the Bot Connector.</summary>
    [ValidateObjectMembers]
    public ConnectorRetryOptions Connector { get; set; } = new();
}
