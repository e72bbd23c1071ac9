using System.Text.Json.Nodes;

namespace TeamsPrevention.App.Bot;

/// <summary>
/// The synchronous answer to an <c>invoke</c>: the HTTP status and body of the <c>/api/messages</c> response, serialized
/// with <see cref="ActivityJson.Options"/>. The body is a <see cref="JsonNode"/>, or a <see cref="CardInvokeBody"/>.
/// </summary>
internal sealed record InvokeResponse(int Status, object? Body);

/// <summary>
/// A card action's answer that replaces the card (<c>{ statusCode, type, value }</c>). The card is written as it is, not
/// copied: a hundred people pressing at once share a few cards (see <c>AlertCards.SharedCard</c>), which nobody changes.
/// </summary>
internal sealed record CardInvokeBody(int StatusCode, string Type, JsonNode Value);
