using System.Collections.Frozen;

namespace GpuSlicingInfra.Components.Gpu;

/// <summary>
/// The mig-parted layouts (<c>mig-configs</c>) this product can apply, per GPU: how many MIG devices of which
/// profile one GPU holds. Copied as data from NVIDIA/gpu-operator
/// assets/state-mig-manager/0400_configmap.yaml at commit 10ee5b3638b89e11e949412aafa5ba99279c3721
/// (sha256 e0d1f060dbdd4237ad5cc519536f0e32148b9f7adb3f3d37b0f1dc8ff9d37a2f, upstream/SOURCES.tsv); a
/// test parses that file and compares every count. Only the GPUs of EC2 instance types are listed, and only
/// layouts whose entry or comment in the file names that GPU.
/// </summary>
public static class MigLayouts
{
    private static readonly FrozenDictionary<string, FrozenDictionary<MigGpu, FrozenDictionary<string, int>>> Table = Build();

    /// <summary>Every layout name, ordered.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Table.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Whether the layout is known for some GPU.</summary>
    public static bool Exists(string layout) => Table.ContainsKey(layout);

    /// <summary>MIG profile → devices on one GPU under this layout, or null when the layout does not fit the GPU.</summary>
    public static IReadOnlyDictionary<string, int>? Devices(string layout, MigGpu gpu) =>
        Table.TryGetValue(layout, out var perGpu) && perGpu.TryGetValue(gpu, out var devices) ? devices : null;

    /// <summary>The GPUs a layout fits.</summary>
    public static IReadOnlyList<MigGpu> GpusOf(string layout) =>
        Table.TryGetValue(layout, out var perGpu) ? [.. perGpu.Keys.OrderBy(g => g.Name, StringComparer.Ordinal)] : [];

    private static FrozenDictionary<string, FrozenDictionary<MigGpu, FrozenDictionary<string, int>>> Build()
    {
        var a40 = GpuModels.A100Sxm40;
        var a80 = GpuModels.A100Sxm80;
        var h80 = GpuModels.H100Sxm80;
        var h200 = GpuModels.H200Sxm141;
        var b200 = GpuModels.B200;
        var rows = new (string Layout, MigGpu[] Gpus, (string Profile, int Count)[] Devices)[]
        {
            // "# A100-40GB, A800-40GB"
            ("all-1g.5gb", [a40], [("1g.5gb", 7)]),
            ("all-2g.10gb", [a40], [("2g.10gb", 3)]),
            ("all-3g.20gb", [a40], [("3g.20gb", 2)]),
            ("all-4g.20gb", [a40], [("4g.20gb", 1)]),
            ("all-7g.40gb", [a40], [("7g.40gb", 1)]),
            // all-1g.10gb has a device-filter entry for each memory size.
            ("all-1g.10gb", [a80, h80], [("1g.10gb", 7)]),
            ("all-1g.10gb", [a40], [("1g.10gb", 4)]),
            // "# H100-80GB, H800-80GB, A100-80GB, A800-80GB"
            ("all-1g.20gb", [a80, h80], [("1g.20gb", 4)]),
            ("all-2g.20gb", [a80, h80], [("2g.20gb", 3)]),
            ("all-3g.40gb", [a80, h80], [("3g.40gb", 2)]),
            ("all-4g.40gb", [a80, h80], [("4g.40gb", 1)]),
            ("all-7g.80gb", [a80, h80], [("7g.80gb", 1)]),
            // "# H200-141GB, GH200 144G HBM3e"; all-1g.35gb filters on the H200's device id.
            ("all-1g.18gb", [h200], [("1g.18gb", 7)]),
            ("all-1g.35gb", [h200], [("1g.35gb", 4)]),
            ("all-2g.35gb", [h200], [("2g.35gb", 3)]),
            ("all-3g.71gb", [h200], [("3g.71gb", 2)]),
            ("all-4g.71gb", [h200], [("4g.71gb", 1)]),
            ("all-7g.141gb", [h200], [("7g.141gb", 1)]),
            // "# GB200, B200"
            ("all-1g.23gb", [b200], [("1g.23gb", 7)]),
            // all-balanced: one device-filter entry per GPU.
            ("all-balanced", [a40], [("1g.5gb", 2), ("2g.10gb", 1), ("3g.20gb", 1)]),
            ("all-balanced", [a80, h80], [("1g.10gb", 2), ("2g.20gb", 1), ("3g.40gb", 1)]),
            ("all-balanced", [h200], [("1g.18gb", 2), ("2g.35gb", 1), ("3g.71gb", 1)]),
            ("all-balanced", [b200], [("1g.23gb", 2), ("2g.45gb", 1), ("3g.90gb", 1)]),
        };
        return rows
            .SelectMany(r => r.Gpus.Select(g => (r.Layout, Gpu: g, r.Devices)))
            .GroupBy(r => r.Layout, StringComparer.Ordinal)
            .ToFrozenDictionary(
                layout => layout.Key,
                layout => layout.ToFrozenDictionary(r => r.Gpu, r => r.Devices.ToFrozenDictionary(d => d.Profile, d => d.Count, StringComparer.Ordinal)),
                StringComparer.Ordinal);
    }
}
