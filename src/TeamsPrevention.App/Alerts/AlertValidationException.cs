using TeamsPrevention.App.Cards;

namespace TeamsPrevention.App.Alerts;

/// <summary>
/// A draft or a request the product refuses (answered 400 with the message, in the caller's language, which names no
/// person).
/// </summary>
public sealed class AlertValidationException(AlertRefusal refusal, UserLanguage language)
    : Exception(AlertRefusalTexts.For(refusal, language))
{
    public AlertRefusal Refusal { get; } = refusal;

    public UserLanguage Language { get; } = language;
}
