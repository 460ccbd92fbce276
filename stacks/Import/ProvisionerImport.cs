using System.Text.Json.Nodes;
using GpuSlicingInfra.Components.Gpu;
using GpuSlicingInfra.Review;
using GpuSlicingInfra.Stacks.Config;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GpuSlicingInfra.Stacks.Import;

/// <summary>
/// Turns Karpenter v1alpha5 Provisioners (with their AWSNodeTemplates) into this product's stack config: one Karpenter
/// GPU pool per Provisioner and a time-slicing profile for them, each value commented with the manifest field it came
/// from and each field no setting expresses listed with the reason. The result is compiled before it is returned, so
/// it is never config that does not build.
/// </summary>
public static class ProvisionerImport
{
    /// <summary>Imports <paramref name="manifest"/>.</summary>
    /// <param name="manifest">YAML: one or more documents, each a Provisioner or an AWSNodeTemplate.</param>
    /// <param name="source">The file's name, for messages.</param>
    /// <param name="replicasPerGpu">Slices per GPU of the profile the pools get (time-slicing); at least 2.</param>
    /// <returns>A <c>config:</c> block to merge into <c>Pulumi.&lt;stack&gt;.yaml</c>.</returns>
    /// <exception cref="ConfigException">Every problem of the manifest, each with its field path; or of the config it maps to.</exception>
    public static string ToStackConfig(string manifest, string source, int replicasPerGpu)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(source);
        var problems = new List<ConfigProblem>();
        var documents = Documents(manifest, source);
        var provisioners = new List<ProvisionerManifest>();
        var templates = new Dictionary<string, NodeTemplate>(StringComparer.Ordinal);
        var fileNotes = new List<DroppedField>();
        foreach (var (document, index) in documents.Select((d, i) => (d, i)))
        {
            var root = SettingsObject.Document(document, documents.Count == 1 ? "" : $"documents[{index}]", problems,
                $"It is not a field of karpenter.sh/v1alpha5 Provisioner or karpenter.k8s.aws/v1alpha1 AWSNodeTemplate (Karpenter v0.31).");
            var apiVersion = root.Text("apiVersion", "");
            var kind = root.Text("kind", "");
            if ((apiVersion, kind) == (V1Alpha5.ProvisionerApiVersion, V1Alpha5.ProvisionerKind))
            {
                provisioners.Add(ProvisionerManifest.Read(root));
            }
            else if ((apiVersion, kind) == (V1Alpha5.NodeTemplateApiVersion, V1Alpha5.NodeTemplateKind))
            {
                var name = root.Map("metadata") is { } metadata ? NameOnly(metadata) : null;
                root.Consume("status");
                var template = root.Map("spec") is { } spec ? NodeTemplate.Read(spec, allowInstanceType: false) : new NodeTemplate(null, null, null, null, []);
                if (name is not null)
                {
                    templates[name] = template;
                }
            }
            else
            {
                root.Problem("kind", $"'{StackInputLimits.Printable(kind)}' ({StackInputLimits.Printable(apiVersion)}) is not imported: this reads {V1Alpha5.ProvisionerApiVersion} {V1Alpha5.ProvisionerKind} "
                    + $"and {V1Alpha5.NodeTemplateApiVersion} {V1Alpha5.NodeTemplateKind} documents{(kind is "NodePool" or "EC2NodeClass" ? "; a NodePool or EC2NodeClass maps onto gpuPools keys by hand (README, Karpenter)" : "")}.");
                // The rest of a document that is not imported is not checked against the Provisioner's fields.
                foreach (var key in root.Keys.ToList())
                {
                    root.Consume(key);
                }
            }
            root.Finish();
        }
        if (provisioners.Count == 0 && problems.Count == 0)
        {
            problems.Add(new(source, $"has no {V1Alpha5.ProvisionerKind} ({V1Alpha5.ProvisionerApiVersion}) to import."));
        }
        var profile = $"ts-{replicasPerGpu}";
        var pools = new List<ImportedPool>();
        foreach (var provisioner in provisioners)
        {
            NodeTemplate? referenced = null;
            if (provisioner.ProviderRef is { } reference && !templates.TryGetValue(reference, out referenced))
            {
                fileNotes.Add(new(Field(provisioner, "spec.providerRef"), $"AWSNodeTemplate '{reference}' is not in this file, so its root volume size is not imported; the product builds its own EC2NodeClass."));
            }
            if (pools.Any(p => p.Name == provisioner.Name))
            {
                problems.Add(new(Field(provisioner, "metadata.name"), $"'{provisioner.Name}' names two Provisioners; pool names are unique."));
                continue;
            }
            pools.Add(PoolImport.Map(provisioner, referenced, GpuInstanceCatalog.BuiltIn, profile, problems));
        }
        if (problems.Count > 0)
        {
            throw new ConfigException(problems);
        }
        var config = StackConfigOf(pools, profile, replicasPerGpu);
        Compile(config, pools);
        return ImportedConfigWriter.Write(source, config, pools, fileNotes, profile, replicasPerGpu);
    }

    private static string Field(ProvisionerManifest provisioner, string field) => provisioner.Path.Length == 0 ? field : $"{provisioner.Path}.{field}";

    private static string? NameOnly(SettingsObject metadata)
    {
        var name = metadata.StringOrNull("name");
        foreach (var key in metadata.Keys.Where(k => k != "name").ToList())
        {
            metadata.Consume(key);
        }
        metadata.Finish();
        return name;
    }

    private static List<JsonObject> Documents(string manifest, string source)
    {
        StackInputLimits.CheckYamlShape(manifest, source);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(manifest));
        }
        catch (YamlException e)
        {
            throw new ConfigException(source, $"is not valid YAML: {StackInputLimits.OneLine(e.Message)}");
        }
        var documents = new List<JsonObject>();
        foreach (var (document, index) in stream.Documents.Select((d, i) => (d, i)))
        {
            switch (YamlJson.From(document.RootNode))
            {
                case JsonObject map:
                    documents.Add(map);
                    break;
                case null:
                    break;
                default:
                    throw new ConfigException($"{source} document {index + 1}", "is not a map: expected a Kubernetes object.");
            }
        }
        return documents;
    }

    // Through JSON text, as config reaches the binder from a file or PULUMI_CONFIG (numbers as JSON numbers).
    internal static StackConfig StackConfigOf(IReadOnlyList<ImportedPool> pools, string profile, int replicasPerGpu) =>
        new("imported", new Dictionary<string, JsonNode?>
        {
            [$"{StackConfig.ProjectNamespace}:karpenter"] = new JsonObject { ["enabled"] = true },
            [$"{StackConfig.ProjectNamespace}:devicePlugin"] = new JsonObject
            {
                ["profiles"] = new JsonObject { [profile] = new JsonObject { ["strategy"] = "timeSlicing", ["replicas"] = replicasPerGpu } },
            },
            [$"{StackConfig.ProjectNamespace}:gpuPools"] = new JsonObject(pools.Select(p => KeyValuePair.Create(p.Name, (JsonNode?)p.ToConfig()))),
        }.ToDictionary(e => e.Key, e => JsonNode.Parse(e.Value!.ToJsonString())), "the imported configuration");

    // The proof that the printed config builds: the compiler's own binding and program, on a stack of defaults around it.
    private static void Compile(StackConfig config, IReadOnlyList<ImportedPool> pools)
    {
        try
        {
            _ = StackProgram.Compile(config);
        }
        catch (ConfigException e)
        {
            throw new ConfigException([.. e.Problems.Select(p => p with { Message = p.Message + Origin(p.KeyPath, pools) })]);
        }
    }

    private static string Origin(string keyPath, IReadOnlyList<ImportedPool> pools)
    {
        if (keyPath.StartsWith($"{StackConfig.ProjectNamespace}:devicePlugin", StringComparison.Ordinal))
        {
            return " (the profile --replicas makes)";
        }
        foreach (var pool in pools)
        {
            var prefix = $"{StackConfig.ProjectNamespace}:gpuPools.{pool.Name}";
            var setting = pool.Settings.FirstOrDefault(s => keyPath == $"{prefix}.{s.Key}" || keyPath.StartsWith($"{prefix}.{s.Key}[", StringComparison.Ordinal)
                || keyPath.StartsWith($"{prefix}.{s.Key}.", StringComparison.Ordinal));
            if (setting is not null)
            {
                return $" (imported from {setting.Source})";
            }
            if (keyPath == prefix || keyPath.StartsWith(prefix + ".", StringComparison.Ordinal))
            {
                return $" (imported from {pool.Source})";
            }
        }
        return "";
    }
}
