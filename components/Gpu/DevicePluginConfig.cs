using System.IO.Hashing;
using System.Text;
using GpuSlicingInfra.Components.Program;

namespace GpuSlicingInfra.Components.Gpu;

/// <summary>
/// Renders sharing profiles in the device plugin's config file format (<c>version: v1</c>), one
/// document per profile, as the values of the time-slicing ConfigMap.
/// </summary>
public static class DevicePluginConfig
{
    /// <summary>The config file text for one profile.</summary>
    public static string Render(SharingProfileOptions profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        // flags.migStrategy (api/config/v1/flags.go): "none" leaves MIG devices unadvertised, so only MIG profiles set it.
        var migStrategy = profile.Strategy != SharingStrategy.Mig ? "none" : profile.MigStrategy == MigStrategy.Mixed ? "mixed" : "single";
        var document = new List<KeyValuePair<string, Expr>>
        {
            Entry("version", Expr.Text("v1")),
            Entry("flags", Map(Entry("migStrategy", Expr.Text(migStrategy)))),
        };
        if (profile.Shares)
        {
            var sharing = new List<KeyValuePair<string, Expr>> { Entry("renameByDefault", Expr.Bool(profile.RenameByDefault)) };
            // Left out unless set, so the plugin applies its own default (true for MPS: api/config/v1/config.go, NewConfig).
            if (profile.FailRequestsGreaterThanOne is { } fail)
            {
                sharing.Add(Entry("failRequestsGreaterThanOne", Expr.Bool(fail)));
            }
            // Under migStrategy single the MIG devices are nvidia.com/gpu, so time-slicing them replicates that resource.
            sharing.Add(Entry("resources", Expr.List([Map(
                Entry("name", Expr.Text(WellKnownKeys.GpuResource)),
                Entry("replicas", Expr.Number(profile.Replicas)))])));
            var key = profile.Strategy == SharingStrategy.Mps ? "mps" : "timeSlicing";
            document.Add(Entry("sharing", Map(Entry(key, new MapExpr(sharing)))));
        }
        return ProgramWriter.WriteDocument(new MapExpr(document));
    }

    /// <summary>ConfigMap data: profile name → config text, ordered by name.</summary>
    public static SortedDictionary<string, string> RenderAll(IEnumerable<SharingProfileOptions> profiles) =>
        new(profiles.ToDictionary(p => p.Name, Render), StringComparer.Ordinal);

    /// <summary>
    /// A short digest of the whole ConfigMap. The plugin reads an external ConfigMap only at start,
    /// so the digest goes into a pod annotation: a config change rolls the pods. It only detects change, so
    /// a managed non-cryptographic hash serves: SHA-256 would load OpenSSL, a tenth of the compiler's run.
    /// </summary>
    public static string Checksum(SortedDictionary<string, string> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var text = new StringBuilder();
        foreach (var (key, value) in data)
        {
            text.Append(key).Append('\0').Append(value).Append('\0');
        }
        return Convert.ToHexStringLower(XxHash64.Hash(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static KeyValuePair<string, Expr> Entry(string key, Expr value) => KeyValuePair.Create(key, value);

    private static MapExpr Map(params KeyValuePair<string, Expr>[] entries) => new(entries);
}
