namespace TeamsPrevention.App.Alerts;

/// <summary>A draft or a request the product refuses (answered 400 with the message, which names no person).</summary>
public sealed class AlertValidationException(string message) : Exception(message);
