using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TeamsPrevention.App.Situations;

/// <summary>
/// A signal from the card, held back by a personal-data warning, travels in the warning card's "save anyway" button
/// sealed (<see cref="IdentityProtector.SealDraft"/>): Teams keeps the card, so the text must not be readable there,
/// and any instance of the App can open it. Bound to the person who wrote it, for <see cref="Lifetime"/>.
/// </summary>
internal sealed class SignalDrafts(IdentityProtector protector, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    /// <summary>A larger draft is not put in a card (Teams refuses cards beyond 28 KB).</summary>
    public const int MaxTokenLength = 16_000;

    /// <summary>The sealed draft, or null when it would make the card too large.</summary>
    public string? Seal(Guid personObjectId, string? text, IReadOnlyList<ObservedIndicator> indicators)
    {
        var draft = new Draft(text, [.. indicators.Select(i => new DraftIndicator(i.Key, i.Evidence))], (time.GetUtcNow() + Lifetime).ToUnixTimeSeconds());
        using var packed = new MemoryStream();
        using (var brotli = new BrotliStream(packed, CompressionLevel.Optimal, leaveOpen: true))
        {
            JsonSerializer.Serialize(brotli, draft);
        }

        var token = protector.SealDraft(packed.ToArray(), Purpose(personObjectId));
        return token.Length <= MaxTokenLength ? token : null;
    }

    /// <summary>The draft's text and indicators; null when altered, another person's, or expired.</summary>
    public (string? Text, List<ObservedIndicator> Indicators)? Open(Guid personObjectId, string token)
    {
        if (token.Length > MaxTokenLength || protector.OpenDraft(token, Purpose(personObjectId)) is not { } packed)
        {
            return null;
        }

        using var brotli = new BrotliStream(new MemoryStream(packed), CompressionMode.Decompress);
        var draft = JsonSerializer.Deserialize<Draft>(brotli);
        if (draft is null || DateTimeOffset.FromUnixTimeSeconds(draft.ExpiresAt) < time.GetUtcNow())
        {
            return null;
        }

        return (draft.Text, [.. (draft.Indicators ?? []).Select(i => new ObservedIndicator(i.Key, i.Evidence))]);
    }

    private static string Purpose(Guid personObjectId) => $"signal draft {personObjectId:D}";

    private sealed record Draft(
        [property: JsonPropertyName("t")] string? Text,
        [property: JsonPropertyName("i")] List<DraftIndicator>? Indicators,
        [property: JsonPropertyName("x")] long ExpiresAt);

    private sealed record DraftIndicator([property: JsonPropertyName("k")] string? Key, [property: JsonPropertyName("e")] string? Evidence);
}
