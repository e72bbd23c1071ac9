namespace TeamsPrevention.App.Graph;

/// <summary>A time a person's calendar is taken (no subject, no attendees: only when, and how busy).</summary>
/// <param name="ShowAs">Graph's free/busy status: <c>busy</c>, <c>tentative</c>, <c>oof</c>, <c>workingElsewhere</c>, <c>free</c>.</param>
public sealed record BusyTime(DateTimeOffset Start, DateTimeOffset End, string ShowAs);
