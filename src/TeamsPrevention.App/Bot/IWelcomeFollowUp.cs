namespace TeamsPrevention.App.Bot;

/// <summary>
/// Something a feature sends right after the bot's welcome in a personal chat (once per installation), as messages of
/// its own so they can be updated later. Register implementations with
/// <c>services.AddScoped&lt;IWelcomeFollowUp, MyFollowUp&gt;()</c>; they run in registration order.
/// </summary>
public interface IWelcomeFollowUp
{
    Task SendAsync(TurnContext turn, CancellationToken cancellationToken);
}
