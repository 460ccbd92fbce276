using GpuSlicingInfra.Components.Gpu;
using GpuSlicingInfra.Stacks.Config;

namespace GpuSlicingInfra.Stacks.Settings;

/// <summary>
/// Binds <c>instanceCatalog</c>: GPU instance types the built-in catalog lacks, each with the facts the platform needs
/// (GPUs, GPU model and memory, architecture, vCPUs, memory, max pods, MIG support, optional price). The result, the
/// built-in catalog plus these, is the catalog every pool of the stack is bound with.
/// </summary>
internal static class InstanceCatalogBinder
{
    private static readonly Dictionary<string, CpuArchitecture> Architectures = new(StringComparer.Ordinal)
    {
        ["amd64"] = CpuArchitecture.Amd64,
        ["arm64"] = CpuArchitecture.Arm64,
    };

    // Facts without a sensible default: a guess would size NodePool limits and the pod check wrongly.
    private static readonly string[] RequiredKeys = ["gpus", "gpuModel", "gpuMemoryGiB", "vCpus", "memoryGiB", "maxPods"];

    public static GpuInstanceCatalog Bind(SettingsObject? catalog)
    {
        if (catalog is null)
        {
            return GpuInstanceCatalog.BuiltIn;
        }
        var added = new List<GpuInstanceType>();
        foreach (var name in catalog.Keys.ToList())
        {
            if (catalog.Map(name) is not { } entry)
            {
                continue;
            }
            var missing = RequiredKeys.Where(k => !entry.Has(k)).ToList();
            foreach (var key in missing)
            {
                entry.Problem(key, $"is required: instance type '{name}' needs it to be planned and checked.");
            }
            var type = BindType(name, entry);
            var problems = GpuInstanceCatalog.BuiltIn.ExtensionProblems(type);
            foreach (var problem in problems)
            {
                // Fields are the type's name or name.Member; the key path is the entry or its camelCase key.
                var member = problem.Field.Length > name.Length ? problem.Field[(name.Length + 1)..] : null;
                catalog.Problem(member is null ? name : $"{name}.{char.ToLowerInvariant(member[0])}{member[1..]}", problem.Message);
            }
            if (missing.Count == 0 && problems.Count == 0 && !added.Any(t => t.Name == name))
            {
                added.Add(type);
            }
        }
        catalog.Finish();
        return GpuInstanceCatalog.BuiltIn.With(added);
    }

    private static GpuInstanceType BindType(string name, SettingsObject entry)
    {
        var type = new GpuInstanceType(name,
            entry.Text("gpuModel", ""),
            entry.WholeNumber("gpus", 1, 1, 64),
            entry.WholeNumber("gpuMemoryGiB", 1, 1, 4096),
            entry.WholeNumber("vCpus", 1, 1, 4096),
            entry.WholeNumber("memoryGiB", 1, 1, 65536),
            entry.Bool("supportsMig", fallback: false),
            entry.Amount("price"))
        {
            Architecture = entry.Choice("architecture", CpuArchitecture.Amd64, Architectures),
            MaxPods = entry.WholeNumber("maxPods", 1, 1, 1000),
        };
        entry.Finish();
        return type;
    }
}
