namespace GpuSlicingInfra.Cli.Verify;

/// <summary>The cluster could not be read (kubeconfig unusable, API server unreachable, a request refused): nothing was compared, exit 2.</summary>
internal sealed class ClusterAccessException : Exception
{
    public ClusterAccessException()
    {
    }

    public ClusterAccessException(string message)
        : base(message)
    {
    }

    public ClusterAccessException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// The cause in one line: the client library puts a whole inner exception, stack trace included, into some messages
    /// (a failed exec credential: "… process: System.Text.Json.JsonException: … at System.Text.Json…"); the CLI prints no
    /// stack trace without --verbose.
    /// </summary>
    public static string Cause(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var text = exception.Message;
        var end = text.IndexOfAny(['\r', '\n']);
        text = end < 0 ? text : text[..end];
        var chained = text.IndexOf(": System.", StringComparison.Ordinal);
        return chained < 0 ? text : text[..chained];
    }
}
