using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace TeamsPrevention.EndToEnd.Infrastructure;

/// <summary>Keeps the App's warnings and errors (category, event, message, exception type) for assertions and failure messages.</summary>
public sealed class LogCollector : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    public IReadOnlyList<LogEntry> Errors => [.. _entries.Where(e => e.Level >= LogLevel.Error)];

    public ILogger CreateLogger(string categoryName) => new Collector(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Collector(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                entries.Enqueue(new LogEntry(logLevel, category, eventId, formatter(state, exception), exception?.GetType().Name));
            }
        }
    }
}

public sealed record LogEntry(LogLevel Level, string Category, EventId EventId, string Message, string? ExceptionType)
{
    public override string ToString() =>
        $"{Level} {Category}[{EventId.Id}] {(Message.Length > 300 ? Message[..300] + "…" : Message)}{(ExceptionType is null ? "" : $" ({ExceptionType})")}";
}
