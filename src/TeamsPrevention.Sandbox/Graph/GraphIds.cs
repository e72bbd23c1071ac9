using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace TeamsPrevention.Sandbox.Graph;

/// <summary>Identifiers in the shapes Graph uses (opaque, URL-safe).</summary>
public static class GraphIds
{
    public static string NewChannelId() => $"19:{Guid.NewGuid():N}@thread.tacv2";

    /// <summary>A membership id is stable for a person in a team or channel (as Graph's are).</summary>
    public static string Membership(string containerId, string userId) =>
        WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes($"0#{containerId}#{userId}"));

    public static string NewEventId() => "AAMkAG" + WebEncoders.Base64UrlEncode(Guid.NewGuid().ToByteArray());

    public static string NewOnlineMeetingId() => "MSo" + WebEncoders.Base64UrlEncode(Guid.NewGuid().ToByteArray());

    public static string Installation(string userId, string appId) =>
        WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes($"{userId}##{appId}"));
}
