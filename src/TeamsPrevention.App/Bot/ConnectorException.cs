using System.Net;

namespace TeamsPrevention.App.Bot;

/// <summary>A Bot Connector call that did not succeed; <see cref="Failure"/> says whether trying later can help.</summary>
public sealed class ConnectorException(ConnectorFailure failure, HttpStatusCode? statusCode, TimeSpan? retryAfter, string message)
    : Exception(message)
{
    public ConnectorFailure Failure { get; } = failure;

    /// <summary>The last HTTP status received (null after a timeout or a network failure).</summary>
    public HttpStatusCode? StatusCode { get; } = statusCode;

    /// <summary>The last <c>Retry-After</c> the connector asked for, if any.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary>Trying again later cannot succeed.</summary>
    public bool IsFinal => Failure is ConnectorFailure.MessageWritesBlocked or ConnectorFailure.Rejected;
}
