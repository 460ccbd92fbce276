using System.Text;

namespace GpuSlicingInfra.Review.Plan;

/// <summary>
/// The MIG devices a pool's nodes create per GPU, read from the user data that partitions them (the
/// <c>nvidia-smi mig -cgi</c> list that Components.Gpu.MigPartitioning writes): the launch template of a
/// managed node group, the <c>spec.userData</c> of a NodePool's EC2NodeClass. What the node runs is what counts.
/// </summary>
internal static class MigNodes
{
    private const string CreateInstances = " -cgi ";

    /// <summary>MIG profile → devices per GPU; empty when the pool's nodes are not partitioned.</summary>
    public static IReadOnlyDictionary<string, int> DevicesPerGpu(ProgramSnapshot program, ProgramResource? group, ProgramResource? nodePool)
    {
        ArgumentNullException.ThrowIfNull(program);
        var userData = LaunchTemplateUserData(program, group) ?? NodeClassUserData(program, nodePool);
        var line = userData?.Split('\n').FirstOrDefault(l => l.Contains(CreateInstances, StringComparison.Ordinal));
        if (line is null)
        {
            return new Dictionary<string, int>();
        }
        var list = line[(line.IndexOf(CreateInstances, StringComparison.Ordinal) + CreateInstances.Length)..].Split(' ')[0];
        return list.Split(',', StringSplitOptions.RemoveEmptyEntries).GroupBy(p => p, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
    }

    // The node group names its template as "${<template>.id}".
    private static string? LaunchTemplateUserData(ProgramSnapshot program, ProgramResource? group)
    {
        var reference = group?.Text("launchTemplate", "id");
        if (reference is null || !reference.StartsWith("${", StringComparison.Ordinal) || !reference.EndsWith(".id}", StringComparison.Ordinal))
        {
            return null;
        }
        var encoded = program.Find(reference[2..^4])?.Text("userData");
        try
        {
            return encoded is null ? null : Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
        }
        catch (FormatException)
        {
            return null; // not base64: not user data this product wrote
        }
    }

    private static string? NodeClassUserData(ProgramSnapshot program, ProgramResource? nodePool)
    {
        var className = nodePool?.Text("spec", "template", "spec", "nodeClassRef", "name");
        return className is null ? null : program.OfType("kubernetes:apiextensions.k8s.io:CustomResource")
            .FirstOrDefault(r => r.Text("kind") == "EC2NodeClass" && r.Text("metadata", "name") == className)?.Text("spec", "userData");
    }
}
