namespace TeamsPrevention.App.Graph;

/// <summary>Why a Graph call did not do what was asked, in the product's terms.</summary>
public enum GraphFailure
{
    /// <summary>The call was refused as malformed or against a Graph rule (e.g. too many members).</summary>
    BadRequest,

    /// <summary>The team, channel, user, event or meeting does not exist.</summary>
    NotFound,

    /// <summary>The thing already exists (member already there, app already installed).</summary>
    Conflict,

    /// <summary>A channel with that name exists in the team (deleted channels included).</summary>
    NameTaken,

    /// <summary>Graph throttled the call: not done, try later (see <see cref="GraphGatewayException.RetryAfter"/>).</summary>
    Throttled,

    /// <summary>The app lacks a permission or a policy.</summary>
    Forbidden,

    /// <summary>The app's token was refused.</summary>
    Unauthorized,

    /// <summary>A network failure, a 5xx, a timeout or no token: not done, try later.</summary>
    Transient,
}
