using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace TeamsPrevention.App.Data;

/// <summary>
/// A compiled query (<see cref="EF.CompileAsyncQuery{TContext, TParam1, TResult}(System.Linq.Expressions.Expression{Func{TContext, TParam1, TResult}})"/>)
/// per model: EF refuses to run a compiled query against another model than the one it was compiled for, and the
/// SQLite and PostgreSQL contexts have one each (the tests run both in one process).
/// </summary>
public sealed class PerModel<TQuery>(Func<TQuery> compile)
    where TQuery : class
{
    private readonly ConcurrentDictionary<IModel, TQuery> _queries = new(ReferenceEqualityComparer.Instance);

    public TQuery For(DbContext db) => _queries.GetOrAdd(db.Model, _ => compile());
}
