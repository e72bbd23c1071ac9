using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TeamsPrevention.App.Audit;
using TeamsPrevention.App.Cards;
using TeamsPrevention.App.Data;
using TeamsPrevention.App.Directory;

namespace TeamsPrevention.App.Situations;

/// <summary>One search result: what the person may know of a situation they are allowed to see.</summary>
public sealed record SituationHit(string Code, SituationStatus Status, DateTimeOffset? NextReviewAt);

/// <summary>The hits of one search, and whether more matched than <see cref="SituationSearch.MaxResults"/>.</summary>
public sealed record SituationHits(IReadOnlyList<SituationHit> Hits, bool Capped);

/// <summary>
/// Finds situations by code prefix or by status word (fr/nl/de/en) among those the person may know — the same rule as
/// the tab's list (<see cref="SituationRules.WhereMayKnow"/> then <see cref="SituationRules.AccessOf"/>), filtered and
/// capped in the database. Audited: one entry per code shown and one for the search with its count (never the words
/// typed: they may be a name).
/// </summary>
public sealed class SituationSearch(AppDbContext db, AuditLog audit, TimeProvider time)
{
    /// <summary>At most this many results per search (Teams shows a list; a person narrows by typing more).</summary>
    public const int MaxResults = 25;

    public async Task<SituationHits> FindAsync(DirectoryPerson actor, string text, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var query = SituationRules.WhereMayKnow(db.Set<Situation>().AsNoTracking().Include(s => s.NeedToKnow), actor, now);
        // A word may be both a status and the start of a code ("INC", "CLO"): both match.
        var status = StatusOf(text);
        var prefix = CodePrefix(text);
        if (status is { } named && prefix is not null)
        {
            query = query.Where(s => s.Status == named || s.Code.StartsWith(prefix));
        }
        else if (status is { } only)
        {
            query = query.Where(s => s.Status == only);
        }
        else if (prefix is not null)
        {
            query = query.Where(s => s.Code.StartsWith(prefix));
        }
        else if (text.Trim().Length > 0)
        {
            query = query.Where(s => false);
        }

        var rows = await query.OrderBy(s => s.Code).Take(MaxResults + 1).ToListAsync(cancellationToken);
        var visible = rows.Where(s => SituationRules.AccessOf(s, actor, now) != AccessLevel.None).ToList();
        var capped = visible.Count > MaxResults;
        var shown = visible.Take(MaxResults).ToList();

        var who = actor.EntraObjectId.ToString();
        var role = actor.Roles.Count == 0 ? null : string.Join(",", actor.Roles);
        var purpose = string.Create(CultureInfo.InvariantCulture, $"message extension search: {shown.Count} shown{(capped ? " (capped)" : "")}");
        await audit.RecordManyAsync(
            [
                new AuditRecord(who, role, AuditAction.View, null, "SituationSearch", null, purpose),
                .. shown.Select(s => new AuditRecord(who, role, AuditAction.View, s.Code, "Situation", null, "search")),
            ],
            cancellationToken);
        return new SituationHits([.. shown.Select(s => new SituationHit(s.Code, s.Status, s.NextReviewAt))], capped);
    }

    /// <summary>The status a word names in any of the product's languages (a prefix of three letters or more), or null.</summary>
    internal static SituationStatus? StatusOf(string text)
    {
        var word = text.Trim();
        if (word.Length < 3)
        {
            return null;
        }

        foreach (var status in Enum.GetValues<SituationStatus>())
        {
            foreach (var language in Enum.GetValues<UserLanguage>())
            {
                var name = SituationTexts.Status(status, language);
                if (name.Length >= word.Length
                    && string.Compare(name[..word.Length], word, CultureInfo.InvariantCulture, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) == 0)
                {
                    return status;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// What was typed as the start of a code, as codes are written (<c>abcd</c> → <c>ABC-D</c>; case, spaces and dashes
    /// as the person likes), or null when it cannot start one.
    /// </summary>
    internal static string? CodePrefix(string text)
    {
        var chars = text.ToUpperInvariant().Where(c => c != '-' && !char.IsWhiteSpace(c)).ToArray();
        if (chars.Length is 0 or > 6 || chars.Any(c => !SituationCodes.Alphabet.Contains(c, StringComparison.Ordinal)))
        {
            return null;
        }

        var typed = new string(chars);
        return typed.Length > 3 ? typed[..3] + "-" + typed[3..] : typed;
    }
}
