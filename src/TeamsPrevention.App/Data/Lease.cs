using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace TeamsPrevention.App.Data;

/// <summary>
/// The claim-with-a-lease of an outbox row, written once for every worker that acts on stored intent (alert deliveries
/// and escalations, meeting notices and Graph retries, situation channels and purges): a row is claimed with one
/// conditional <c>UPDATE … WHERE lease free</c> (atomic on SQLite and PostgreSQL alike), so two instances never work the
/// same row; a lease is free once it ended (or when the caller says its holder is gone); outcomes are written only while
/// the lease is still held, and writing them releases it. <typeparamref name="T"/> names its lease columns: who holds it
/// (optional: some leases are a time only) and until when.
/// </summary>
public sealed class Lease<T>(Expression<Func<T, string?>>? owner, Expression<Func<T, DateTimeOffset?>> until)
    where T : class
{
    /// <summary>A new holder's token.</summary>
    public static string NewToken() => Guid.NewGuid().ToString("N");

    /// <summary>
    /// Rows whose lease is free at <paramref name="now"/> (never taken, or ended), or, with <paramref name="orFree"/>,
    /// whose holder is known to be gone.
    /// </summary>
    public Expression<Func<T, bool>> FreeAt(DateTimeOffset now, Expression<Func<T, bool>>? orFree = null)
    {
        var at = new Instant(now);
        Expression<Func<DateTimeOffset?, bool>> ended = u => u == null || u < at.Value;
        var free = Compose(until, ended);
        return orFree is null
            ? free
            : Expression.Lambda<Func<T, bool>>(Expression.OrElse(free.Body, Replace(orFree.Body, orFree.Parameters[0], free.Parameters[0])), free.Parameters);
    }

    /// <summary>Rows whose lease <paramref name="token"/> holds.</summary>
    public Expression<Func<T, bool>> HeldBy(string token)
    {
        var holder = new Token(token);
        Expression<Func<string?, bool>> held = o => o == holder.Value;
        return Compose(owner ?? throw new InvalidOperationException("This lease has no owner column."), held);
    }

    /// <summary>
    /// Claims every row of <paramref name="rows"/> whose lease is free at <paramref name="now"/> (or, with
    /// <paramref name="orFree"/>, whose holder is known to be gone) for <paramref name="duration"/>, under
    /// <paramref name="token"/>; returns how many were claimed. One statement: a row is claimed by one caller only.
    /// </summary>
    public Task<int> ClaimAsync(
        IQueryable<T> rows, string? token, DateTimeOffset now, TimeSpan duration, CancellationToken cancellationToken, Expression<Func<T, bool>>? orFree = null)
    {
        var free = FreeAt(now, orFree);
        var leaseUntil = (DateTimeOffset?)(now + duration);
        return rows.Where(free).ExecuteUpdateAsync(
            s =>
            {
                if (owner is not null)
                {
                    s.SetProperty(owner, token);
                }

                s.SetProperty(until, leaseUntil);
            },
            cancellationToken);
    }

    /// <summary>Claims the one row of <paramref name="row"/> if its lease is free; true when this caller got it.</summary>
    public async Task<bool> TryClaimAsync(IQueryable<T> row, string? token, DateTimeOffset now, TimeSpan duration, CancellationToken cancellationToken) =>
        await ClaimAsync(row, token, now, duration, cancellationToken) == 1;

    /// <summary>
    /// Writes an outcome to the rows of <paramref name="rows"/> that <paramref name="token"/> still holds (every row when
    /// <paramref name="token"/> is null) and releases their lease; how many were written.
    /// </summary>
    public Task<int> ReleaseAsync(IQueryable<T> rows, string? token, Action<UpdateSettersBuilder<T>>? outcome, CancellationToken cancellationToken) =>
        (token is null ? rows : rows.Where(HeldBy(token))).ExecuteUpdateAsync(
            s =>
            {
                Clear(s);
                outcome?.Invoke(s);
            },
            cancellationToken);

    /// <summary>Adds the lease's release (no holder, no end) to an outcome being written.</summary>
    public UpdateSettersBuilder<T> Clear(UpdateSettersBuilder<T> setters)
    {
        if (owner is not null)
        {
            setters.SetProperty(owner, (string?)null);
        }

        return setters.SetProperty(until, (DateTimeOffset?)null);
    }

    private static Expression<Func<T, bool>> Compose<TColumn>(Expression<Func<T, TColumn>> column, Expression<Func<TColumn, bool>> test) =>
        Expression.Lambda<Func<T, bool>>(Replace(test.Body, test.Parameters[0], column.Body), column.Parameters);

    private static Expression Replace(Expression body, ParameterExpression from, Expression to) => new Substitution(from, to).Visit(body);

    /// <summary>Captured values, so that the database sees parameters (one plan) rather than constants.</summary>
    private sealed record Instant(DateTimeOffset Value);

    private sealed record Token(string Value);

    private sealed class Substitution(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
