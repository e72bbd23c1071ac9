namespace TeamsPrevention.App.Alerts;

/// <summary>
/// The seam to a situation's need-to-know list (implemented by the Situations feature; until then
/// <see cref="NoNeedToKnowLists"/> says the list is not available).
/// </summary>
public interface INeedToKnowLists
{
    /// <summary>The directory ids of the people on the situation's list, or null when the situation is unknown.</summary>
    Task<IReadOnlyList<Guid>?> GetPeopleAsync(string situationCode, CancellationToken cancellationToken);
}
