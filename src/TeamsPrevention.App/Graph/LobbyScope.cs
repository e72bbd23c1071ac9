namespace TeamsPrevention.App.Graph;

/// <summary>Who joins a Teams meeting without waiting in the lobby.</summary>
public enum LobbyScope
{
    /// <summary>Only the organizer.</summary>
    Organizer,

    /// <summary>The people invited (everyone else waits).</summary>
    Invited,

    /// <summary>Everyone of the organization.</summary>
    Organization,

    /// <summary>Everyone of the organization except guests.</summary>
    OrganizationExcludingGuests,

    /// <summary>The organization and federated organizations.</summary>
    OrganizationAndFederated,

    /// <summary>Everyone.</summary>
    Everyone,
}
