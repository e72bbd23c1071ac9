using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TeamsPrevention.App.Data;

namespace TeamsPrevention.App.Audit;

/// <summary>
/// The checkpoint file of one database: one JSON line per <see cref="AuditCheckpoint"/>, only ever appended. Writers
/// take an exclusive lock on a sibling <c>.lock</c> file (<see cref="FileShare.None"/>, an advisory <c>flock</c> on
/// Linux) for the read of the latest line and the append, so that several instances neither interleave nor overwrite
/// lines; a line torn by a crash is closed by the next writer and never read as the latest. Readers take no lock.
/// </summary>
internal sealed class AuditCheckpointFile(string path)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly TimeSpan LockRetry = TimeSpan.FromMilliseconds(25);
    private const int LockAttempts = 400;

    public string Path => path;

    /// <summary>
    /// The file of <paramref name="db"/>'s database in <paramref name="directory"/>: <c>{provider}-{fingerprint}.jsonl</c>,
    /// the fingerprint a hash of what names the database (the SQLite file's full path; PostgreSQL's host, port and
    /// database, never the credentials), so that each database has its own and a password change keeps it.
    /// </summary>
    public static AuditCheckpointFile For(string directory, AppDbContext db)
    {
        var connection = db.Database.GetConnectionString() ?? "";
        string identity;
        if (db.Provider == DatabaseProvider.Postgres)
        {
            var pg = new Npgsql.NpgsqlConnectionStringBuilder(connection);
            identity = $"{pg.Host}:{pg.Port}/{pg.Database}".ToLowerInvariant();
        }
        else
        {
            identity = System.IO.Path.GetFullPath(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connection).DataSource);
        }

        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..16];
        return new AuditCheckpointFile(System.IO.Path.Combine(directory, $"{db.Provider.ToString().ToLowerInvariant()}-{fingerprint}.jsonl"));
    }

    /// <summary>The last complete line, or null when there is none (no file yet).</summary>
    /// <exception cref="InvalidDataException">The last complete line is not a checkpoint.</exception>
    public async Task<AuditCheckpoint?> ReadLatestAsync(CancellationToken cancellationToken)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 4096, useAsync: true);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        await using (stream)
        {
            var line = await LastLineAsync(stream, cancellationToken);
            if (line is null)
            {
                return null;
            }

            try
            {
                return JsonSerializer.Deserialize<AuditCheckpoint>(line, Json) is { Hash: not null, KeyId: not null, Signature: not null } checkpoint
                    ? checkpoint
                    : throw new InvalidDataException("The latest audit checkpoint line is not a checkpoint.");
            }
            catch (JsonException)
            {
                throw new InvalidDataException("The latest audit checkpoint line is not a checkpoint.");
            }
        }
    }

    /// <summary>
    /// Under the file's lock, asks <paramref name="next"/> (which may read the latest line) for the line to append, and
    /// appends it unless it is null. Returns what was appended.
    /// </summary>
    public async Task<AuditCheckpoint?> AppendAsync(Func<CancellationToken, Task<AuditCheckpoint?>> next, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        await using var held = await LockAsync(cancellationToken);
        var checkpoint = await next(cancellationToken);
        if (checkpoint is null)
        {
            return null;
        }

        var line = JsonSerializer.SerializeToUtf8Bytes(checkpoint, Json);
        await using var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, 1, useAsync: true);
        var torn = false;
        if (stream.Length > 0)
        {
            stream.Seek(-1, SeekOrigin.End);
            torn = stream.ReadByte() != '\n';
        }

        var bytes = new byte[(torn ? 1 : 0) + line.Length + 1];
        if (torn)
        {
            bytes[0] = (byte)'\n';
        }

        line.CopyTo(bytes, torn ? 1 : 0);
        bytes[^1] = (byte)'\n';
        stream.Seek(0, SeekOrigin.End);
        await stream.WriteAsync(bytes, cancellationToken);
        stream.Flush(flushToDisk: true);
        return checkpoint;
    }

    /// <summary>
    /// The lock: another writer holds it for milliseconds, so a short real-time backoff (not the App's clock, which a
    /// test may hold still), for at most ten seconds.
    /// </summary>
    private async Task<FileStream> LockAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return new FileStream(path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < LockAttempts)
            {
                await Task.Delay(LockRetry, cancellationToken);
            }
        }
    }

    /// <summary>The last line that ends with a newline, read from the end in growing windows.</summary>
    private static async Task<byte[]?> LastLineAsync(FileStream stream, CancellationToken cancellationToken)
    {
        var length = stream.Length;
        for (var window = 4096L; ; window *= 4)
        {
            var start = Math.Max(0, length - window);
            var buffer = new byte[length - start];
            stream.Seek(start, SeekOrigin.Begin);
            await stream.ReadExactlyAsync(buffer, cancellationToken);
            var end = Array.LastIndexOf(buffer, (byte)'\n');
            if (end >= 0)
            {
                var begin = end == 0 ? -1 : Array.LastIndexOf(buffer, (byte)'\n', end - 1);
                if (begin >= 0 || start == 0)
                {
                    return buffer[(begin + 1)..end];
                }
            }

            if (start == 0)
            {
                return null;
            }
        }
    }
}
