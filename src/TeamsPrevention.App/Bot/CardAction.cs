using System.Text.Json;

namespace TeamsPrevention.App.Bot;

/// <summary>An <c>Action.Execute</c> pressed on a card.</summary>
/// <param name="Verb">The action's verb.</param>
/// <param name="Data">The action's <c>data</c> (an empty object when the card gave none).</param>
/// <param name="CardActivityId">The id of the activity that carried the card (to update it), when Teams gives it.</param>
public sealed record CardAction(string Verb, JsonElement Data, string? CardActivityId);
