using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;

namespace TeamsPrevention.Tests.Package;

/// <summary>The files of a built app package, read with System.IO.Compression.</summary>
public sealed class AppPackageContents
{
    private AppPackageContents(IReadOnlyDictionary<string, byte[]> files) => Files = files;

    /// <summary>Every entry of the zip by its full name, with its bytes.</summary>
    public IReadOnlyDictionary<string, byte[]> Files { get; }

    public JsonObject Manifest => Json("manifest.json");

    public static AppPackageContents Open(string zipPath)
    {
        using var zip = ZipFile.OpenRead(zipPath);
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            files.Add(entry.FullName, copy.ToArray());
        }

        return new AppPackageContents(files);
    }

    public string Text(string name) => Encoding.UTF8.GetString(Files[name]);

    public JsonObject Json(string name) => JsonNode.Parse(Text(name))!.AsObject();
}
