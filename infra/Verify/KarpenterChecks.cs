using GpuSlicingInfra.Components;

namespace GpuSlicingInfra.Cli.Verify;

/// <summary>
/// The program's Karpenter objects: each NodePool and NodeOverlay present with its <c>Ready</c> condition True (the
/// NodeOverlay CRD's Ready printer column reads that condition: karpenter.sh_nodeoverlays.yaml, additionalPrinterColumns);
/// NodeClaims of the program's NodePools not <c>Initialized</c> after <see cref="StuckAfter"/>.
/// </summary>
internal static class KarpenterChecks
{
    /// <summary>
    /// A NodeClaim not Initialized this long is stuck: Karpenter gives a node 15 minutes to register before it
    /// deletes the claim (registrationTTL, kubernetes-sigs/karpenter pkg/controllers/nodeclaim/lifecycle/liveness.go), so one
    /// older than that is not just starting.
    /// </summary>
    public static readonly TimeSpan StuckAfter = TimeSpan.FromMinutes(15);

    // A NodeClaim's conditions in the order Karpenter sets them: the first not True is where it stopped.
    private static readonly string[] Lifecycle = ["Launched", "Registered", "Initialized"];

    public static IEnumerable<VerifyFinding> Run(ExpectedCluster expected, ClusterState cluster, DateTimeOffset now) =>
        [
            .. Ready("nodepool", "NodePool", expected.NodePools, cluster.NodePools),
            .. Ready("nodeoverlay", "NodeOverlay", expected.NodeOverlays, cluster.NodeOverlays),
            .. expected.NodePools.Count == 0 ? [] : Claims(expected, cluster, now),
        ];

    private static IEnumerable<VerifyFinding> Ready(string check, string kind, IReadOnlyList<string> declared, IReadOnlyList<KarpenterObject>? live)
    {
        if (declared.Count > 0 && live is null)
        {
            yield return VerifyFinding.Mismatch(check, $"{kind}s", $"the API server does not serve karpenter.sh {kind}s: are Karpenter's CRDs installed?");
            yield break;
        }
        foreach (var name in declared)
        {
            var item = live!.FirstOrDefault(o => o.Name == name);
            var subject = $"{check} {name}";
            if (item is null)
            {
                yield return VerifyFinding.Mismatch(check, subject, $"{kind} not found in the cluster");
            }
            else if (item.Is("Ready"))
            {
                yield return VerifyFinding.Ok(check, subject, kind == "NodeOverlay" ? "applied (Ready)" : "Ready");
            }
            else
            {
                // The Ready condition's reason says which underlying condition failed; the failing one's message says why.
                var failing = item.Conditions.Where(c => c.Key != "Ready" && c.Value.Status != "True").Select(c => $"{c.Key} {c.Value.Status}: {c.Value.Explain()}");
                var ready = item.Conditions.TryGetValue("Ready", out var r) ? $"Ready {r.Status}{(r.Explain() is { Length: > 0 } e ? $": {e}" : "")}" : "no Ready condition yet";
                yield return VerifyFinding.Mismatch(check, subject, $"{kind} not {(kind == "NodeOverlay" ? "applied" : "Ready")}: {string.Join("; ", new[] { ready }.Concat(failing))}");
            }
        }
    }

    private static IEnumerable<VerifyFinding> Claims(ExpectedCluster expected, ClusterState cluster, DateTimeOffset now)
    {
        var ours = expected.NodePools.ToHashSet(StringComparer.Ordinal);
        foreach (var claim in (cluster.NodeClaims ?? []).Where(c => c.Labels.TryGetValue(WellKnownKeys.NodePoolLabel, out var p) && ours.Contains(p)).OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            if (claim.Is("Initialized"))
            {
                continue;
            }
            var age = claim.Created is { } created ? now - created : TimeSpan.Zero;
            var pending = Lifecycle.FirstOrDefault(t => !claim.Is(t)) ?? "Initialized";
            var why = claim.Conditions.TryGetValue(pending, out var c) && c.Explain() is { Length: > 0 } text ? $" ({pending}: {text})" : $" (not {pending})";
            var subject = $"nodeclaim {claim.Name}";
            var pool = claim.Labels[WellKnownKeys.NodePoolLabel];
            yield return age >= StuckAfter
                ? VerifyFinding.Mismatch("nodeclaim", subject, $"not Initialized after {Age(age)}{why}, NodePool {pool}")
                : VerifyFinding.Note("nodeclaim", subject, $"starting for {Age(age)}{why}, NodePool {pool}");
        }
    }

    /// <summary>An age as kubectl prints it: 42s, 17m, 3h20m, 2d.</summary>
    public static string Age(TimeSpan age) => age.TotalMinutes < 1 ? $"{(int)age.TotalSeconds}s"
        : age.TotalHours < 1 ? $"{(int)age.TotalMinutes}m"
        : age.TotalDays < 1 ? $"{(int)age.TotalHours}h{(age.Minutes == 0 ? "" : $"{age.Minutes}m")}"
        : $"{(int)age.TotalDays}d";
}
