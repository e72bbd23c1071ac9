using Microsoft.EntityFrameworkCore;
using Mono.Cecil;
using Mono.Cecil.Cil;
using TeamsPrevention.App.Data;

namespace TeamsPrevention.Tests.Architecture;

/// <summary>
/// The rules of <c>docs/architecture.md</c> as checks over compiled code (<see cref="CodeScan"/>). Each check returns its
/// violations as sentences naming the offending type and what it uses, so a failing test says what to mend.
/// </summary>
internal static class ArchitectureRules
{
    /// <summary>The Bot Framework wire format and the connection details behind it: only <c>Bot/</c> may use them.</summary>
    public static readonly string[] WireTypes =
    [
        "TeamsPrevention.App.Bot.Activity",
        "TeamsPrevention.App.Bot.ActivityJson",
        "TeamsPrevention.App.Bot.ActivityTypes",
        "TeamsPrevention.App.Bot.Attachment",
        "TeamsPrevention.App.Bot.BotConversation",
        "TeamsPrevention.App.Bot.CardInvokeBody",
        "TeamsPrevention.App.Bot.ChannelAccount",
        "TeamsPrevention.App.Bot.ConnectorClient",
        "TeamsPrevention.App.Bot.ConnectorPacer",
        "TeamsPrevention.App.Bot.ConversationAccount",
        "TeamsPrevention.App.Bot.ConversationParameters",
        "TeamsPrevention.App.Bot.ConversationReference",
        "TeamsPrevention.App.Bot.ConversationReferences",
        "TeamsPrevention.App.Bot.Entity",
        "TeamsPrevention.App.Bot.EntityTypes",
        "TeamsPrevention.App.Bot.InvokeResponse",
        "TeamsPrevention.App.Bot.OpenedChat",
        "TeamsPrevention.App.Bot.PagedMembersResult",
        "TeamsPrevention.App.Bot.ResourceResponse",
        "TeamsPrevention.App.Bot.TeamsChannelData",
        "TeamsPrevention.App.Bot.TeamsInfo",
    ];

    /// <summary>Namespaces of the platform a feature may show in its public signatures; any other <c>Microsoft.*</c> type is a vendor SDK's.</summary>
    public static readonly string[] PlatformNamespaces = ["Microsoft.AspNetCore", "Microsoft.Extensions", "Microsoft.EntityFrameworkCore"];

    /// <summary>The product's features (the rest are the layers they use: Bot, Graph, Data, Audit, Directory, Hosting, Cards, Tab, PersonalData).</summary>
    public static readonly string[] Features = ["Alerts", "Meetings", "Resources", "Secrecy", "Situations", "Statistics"];

    private static readonly HashSet<string> WriteMethods =
    [
        "Add", "AddAsync", "AddRange", "AddRangeAsync", "Attach", "AttachRange", "Update", "UpdateRange", "Remove", "RemoveRange",
        "ExecuteUpdate", "ExecuteUpdateAsync", "ExecuteDelete", "ExecuteDeleteAsync",
    ];

    /// <summary>Types outside <paramref name="folder"/> that use one of <paramref name="forbidden"/> (full names, or namespace prefixes ending in a dot).</summary>
    public static IReadOnlyList<string> UsesOutside(CodeScan scan, string folder, IReadOnlyCollection<string> forbidden, Func<TypeReference, bool>? alsoForbidden = null) =>
        [.. scan.TopLevelTypes
            .Where(t => scan.FolderOf(t) != folder)
            .SelectMany(t => CodeScan.TypesUsedBy(t)
                .Where(used => forbidden.Contains(used.FullName) || forbidden.Any(p => p.EndsWith('.') && used.Namespace.StartsWith(p, StringComparison.Ordinal)) || alsoForbidden?.Invoke(used) == true)
                .Select(used => $"{t.FullName} uses {used.FullName}"))
            .Distinct()
            .Order(StringComparer.Ordinal)];

    /// <summary>Public members of the features' public types whose signature shows a vendor SDK's <c>Microsoft.*</c> type.</summary>
    public static IReadOnlyList<string> SdkTypesInPublicSignatures(CodeScan scan, IReadOnlyCollection<string> features) =>
        [.. scan.TopLevelTypes
            .Where(t => features.Contains(scan.FolderOf(t)))
            .SelectMany(CodeScan.WithNested)
            .Where(IsVisible)
            .SelectMany(t => PublicSignature(t).SelectMany(CodeScan.Unwrap).Where(IsVendorSdk).Select(used => $"{t.FullName} shows {used.FullName}"))
            .Distinct()
            .Order(StringComparer.Ordinal)];

    /// <summary>
    /// Writes (EF <c>Add</c>/<c>Update</c>/<c>Remove</c>/<c>Attach</c>, <c>ExecuteUpdate</c>/<c>ExecuteDelete</c>, a property
    /// set, or raw SQL naming the table) by a folder to an entity configured by another folder, less the exceptions given
    /// (<c>"Folder writes Entity"</c>). Owners are the folders of the <see cref="IEntityTypeConfiguration{TEntity}"/> classes.
    /// </summary>
    public static IReadOnlyList<string> ForeignWrites(CodeScan scan, IReadOnlyDictionary<string, (string Owner, string? Table)> entities, IReadOnlyCollection<string> exceptions)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in scan.TopLevelTypes)
        {
            var folder = scan.FolderOf(type);
            foreach (var (method, instruction) in CodeScan.Instructions(type))
            {
                foreach (var entity in WrittenEntities(instruction, entities))
                {
                    var (owner, _) = entities[entity];
                    var name = entity[(entity.LastIndexOf('.') + 1)..];
                    if (owner != folder && !exceptions.Contains($"{folder} writes {name}"))
                    {
                        found.Add($"{type.FullName} ({folder}) writes {entity}, configured by {owner} (in {method.Name})");
                    }
                }
            }
        }

        return [.. found];
    }

    /// <summary>The App's entities: full name → (the folder configuring it, its table).</summary>
    public static IReadOnlyDictionary<string, (string Owner, string? Table)> AppEntities()
    {
        using var db = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=:memory:").Options);
        var owners = typeof(AppDbContext).Assembly.GetTypes()
            .SelectMany(t => t.GetInterfaces()
                .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEntityTypeConfiguration<>))
                .Select(i => (Entity: i.GetGenericArguments()[0], Owner: CodeScan.App.FolderOf(CodeScan.App.Module.GetType(t.FullName!.Replace('+', '/'))))))
            .ToList();
        return owners.ToDictionary(o => o.Entity.FullName!, o => (o.Owner, db.Model.FindEntityType(o.Entity)?.GetTableName()));
    }

    private static IEnumerable<string> WrittenEntities(Instruction instruction, IReadOnlyDictionary<string, (string Owner, string? Table)> entities)
    {
        switch (instruction.Operand)
        {
            case MethodReference called when called.Name.StartsWith("set_", StringComparison.Ordinal) && entities.ContainsKey(called.DeclaringType.FullName):
                yield return called.DeclaringType.FullName;
                break;
            case MethodReference called when WriteMethods.Contains(called.Name)
                || (called.DeclaringType.Name == "Lease`1" && called.Name is "ClaimAsync" or "TryClaimAsync" or "ReleaseAsync"):
                var generic = called is GenericInstanceMethod m ? m.GenericArguments : (called.DeclaringType as GenericInstanceType)?.GenericArguments;
                var arguments = generic?.AsEnumerable() ?? [];
                if (!called.HasGenericParameters && called is not GenericInstanceMethod && called.Parameters.Count > 0)
                {
                    // DbContext.Add(entity) and its kin, not generic: the entity type is the argument's.
                    arguments = arguments.Append(called.Parameters[0].ParameterType);
                }

                foreach (var name in arguments.SelectMany(CodeScan.Unwrap).Select(a => a.FullName).Where(entities.ContainsKey).Distinct())
                {
                    yield return name;
                }

                break;
            case string sql:
                foreach (var (name, (_, table)) in entities)
                {
                    if (table is not null && (sql.Contains($"INSERT INTO \"{table}\"", StringComparison.OrdinalIgnoreCase)
                        || sql.Contains($"UPDATE \"{table}\"", StringComparison.OrdinalIgnoreCase)
                        || sql.Contains($"DELETE FROM \"{table}\"", StringComparison.OrdinalIgnoreCase)))
                    {
                        yield return name;
                    }
                }

                break;
        }
    }

    private static bool IsVisible(TypeDefinition type) =>
        type.IsPublic || (type.IsNestedPublic && type.DeclaringType is { } outer && IsVisible(outer));

    private static IEnumerable<TypeReference> PublicSignature(TypeDefinition type)
    {
        if (type.BaseType is { } baseType)
        {
            yield return baseType;
        }

        foreach (var contract in type.Interfaces)
        {
            yield return contract.InterfaceType;
        }

        foreach (var method in type.Methods.Where(m => m.IsPublic || m.IsFamily || m.IsFamilyOrAssembly))
        {
            foreach (var used in CodeScan.SignatureOf(method))
            {
                yield return used;
            }
        }

        foreach (var field in type.Fields.Where(f => f.IsPublic || f.IsFamily || f.IsFamilyOrAssembly))
        {
            yield return field.FieldType;
        }
    }

    private static bool IsVendorSdk(TypeReference type) =>
        type.Namespace.StartsWith("Microsoft.", StringComparison.Ordinal)
        && !PlatformNamespaces.Any(p => type.Namespace == p || type.Namespace.StartsWith(p + ".", StringComparison.Ordinal));
}
