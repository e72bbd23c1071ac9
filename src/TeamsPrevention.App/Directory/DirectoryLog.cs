namespace TeamsPrevention.App.Directory;

/// <summary>Directory log events: ids 1300–1399. Internal ids only: never a name, an e-mail or an object id.</summary>
internal static partial class DirectoryLog
{
    [LoggerMessage(1300, LogLevel.Information, "Demo directory seeded: {Organisations} organisations, {People} people, {Deputyships} deputyships")]
    public static partial void Seeded(ILogger logger, int organisations, int people, int deputyships);

    [LoggerMessage(1301, LogLevel.Debug, "Demo directory not seeded: the directory is not empty")]
    public static partial void SeedSkipped(ILogger logger);

    [LoggerMessage(1302, LogLevel.Information, "Teams user id recorded for person {PersonId}")]
    public static partial void TeamsUserIdRecorded(ILogger logger, Guid personId);

    [LoggerMessage(1303, LogLevel.Debug, "Teams user id not recorded: object id not in the directory")]
    public static partial void UnknownObjectId(ILogger logger);

    [LoggerMessage(1304, LogLevel.Information, "Person {PersonId} saved")]
    public static partial void PersonSaved(ILogger logger, Guid personId);

    [LoggerMessage(1305, LogLevel.Information, "Organisation {OrganisationId} saved")]
    public static partial void OrganisationSaved(ILogger logger, Guid organisationId);

    [LoggerMessage(1306, LogLevel.Warning, "Access denied by policy {Policy} on {Endpoint}")]
    public static partial void AccessDenied(ILogger logger, string policy, string endpoint);

    [LoggerMessage(1307, LogLevel.Warning, "A personal notice was not sent: {Failure}")]
    public static partial void NoticeFailed(ILogger logger, string failure);

    [LoggerMessage(1308, LogLevel.Information, "Roles granted to person {PersonId}: {Roles}")]
    public static partial void RolesGranted(ILogger logger, Guid personId, string roles);

    [LoggerMessage(1309, LogLevel.Warning, "Directory change refused: {Reason}")]
    public static partial void ChangeRefused(ILogger logger, string reason);
}
