namespace GpuSlicingInfra.Cli.Verify;

/// <summary>How one verify line reads: a check passed, the cluster differs from the program, or something to know that is not a failure.</summary>
internal enum VerifyStatus
{
    /// <summary>As declared.</summary>
    Ok,

    /// <summary>The live cluster differs from the program; exit 1.</summary>
    Mismatch,

    /// <summary>Worth knowing, not a failure (an empty Karpenter pool, a NodeClaim still starting).</summary>
    Note,
}

/// <summary>One line of the verify report.</summary>
/// <param name="Status">Ok, mismatch or note.</param>
/// <param name="Check">What was checked: <c>nodes</c>, <c>node</c> (all of one node as declared), <c>allocatable</c>, <c>labels</c>, <c>taints</c>, <c>gfd-config</c>,
/// <c>device-plugin</c>, <c>nodepool</c>, <c>nodeoverlay</c>, <c>nodeclaim</c>, <c>pending-pod</c>, <c>foreign-device-plugin</c>.</param>
/// <param name="Subject">The object it is about, e.g. <c>node ip-10-0-1-5</c>, <c>pod ml/infer-0</c>.</param>
/// <param name="Message">What was found and what the program declares.</param>
internal sealed record VerifyFinding(VerifyStatus Status, string Check, string Subject, string Message)
{
    public static VerifyFinding Ok(string check, string subject, string message) => new(VerifyStatus.Ok, check, subject, message);

    public static VerifyFinding Mismatch(string check, string subject, string message) => new(VerifyStatus.Mismatch, check, subject, message);

    public static VerifyFinding Note(string check, string subject, string message) => new(VerifyStatus.Note, check, subject, message);
}
