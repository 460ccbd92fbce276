using GpuSlicingInfra.Components.Validation;

namespace GpuSlicingInfra.Components.Aws;

/// <summary>
/// Options of <see cref="ExistingCluster"/>: an EKS cluster someone else runs, which the platform reads and adds GPU
/// node groups, the device plugin and (optionally) Karpenter pools to, without modifying or adopting anything of it.
/// </summary>
public sealed record ExistingClusterOptions
{
    /// <summary>The existing EKS cluster's name.</summary>
    public required string Name { get; init; }

    /// <summary>
    /// Private subnets of the cluster's VPC for the GPU nodes (and the NodeClasses of Karpenter pools). Required: the
    /// cluster's own subnets may include public ones, and a GPU node with a public address is reachable from the internet.
    /// </summary>
    public required IReadOnlyList<string> NodeSubnetIds { get; init; }

    /// <summary>Tags on every resource the platform adds (never on the cluster's own). Default: none.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    /// <summary>Every problem with these options, each naming the field.</summary>
    public IReadOnlyList<ArgsProblem> Validate()
    {
        var problems = TagRules.AwsTags(Tags, nameof(Tags), TagRules.ComponentReservedPrefixes, TagRules.MaxPerResource).ToList();
        if (!ClusterNaming.IsValidClusterName(Name))
        {
            problems.Add(new(nameof(Name), $"'{Name}' must be 1–100 letters, digits, '-' or '_', starting with a letter or digit."));
        }
        if (NodeSubnetIds.Count == 0)
        {
            problems.Add(new(nameof(NodeSubnetIds), "give the private subnets GPU nodes run in (the cluster's own subnets may be public ones)."));
        }
        foreach (var id in NodeSubnetIds.Where(i => !ConfigRules.IsResourceId(i, "subnet")))
        {
            problems.Add(new(nameof(NodeSubnetIds), $"'{id}' is not a subnet id (subnet- and 8 or 17 hex digits)."));
        }
        foreach (var duplicate in NodeSubnetIds.GroupBy(i => i, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add(new(nameof(NodeSubnetIds), $"'{duplicate.Key}' is listed more than once."));
        }
        return problems;
    }
}
