using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GpuSlicingInfra.Stacks.Config;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace GpuSlicingInfra.Stacks.Import;

/// <summary>
/// Writes imported config as a stack file's <c>config:</c> block, each value with a comment naming its source and the
/// dropped fields as comments under their pool. Strings that YAML 1.1 (how Pulumi reads stack files) or YAML 1.2 would
/// read as something else are double-quoted, so the block means the same to both.
/// </summary>
internal static partial class ImportedConfigWriter
{
    public static string Write(string source, StackConfig config, IReadOnlyList<ImportedPool> pools, IReadOnlyList<DroppedField> fileNotes, string profile, int replicasPerGpu)
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        writer.WriteLine($"# Karpenter v1alpha5 Provisioner -> gpu-slicing-infra config, imported from {StackInputLimits.Printable(source)}.");
        writer.WriteLine("# Merge the keys under config: into Pulumi.<stack>.yaml. Each comment names the manifest field a value came from;");
        writer.WriteLine("# 'dropped' lines are fields no pool setting expresses, with what to do instead.");
        writer.WriteLine($"# Karpenter's own field-by-field migration: {V1Alpha5.MigrationGuide}");
        foreach (var note in fileNotes)
        {
            writer.WriteLine($"# {Line(note)}");
        }
        var emitter = new Emitter(writer, new EmitterSettings(bestIndent: 2, bestWidth: int.MaxValue, isCanonical: false, maxSimpleKeyLength: 1024));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        emitter.Emit(new MappingStart());
        Key(emitter, "config");
        emitter.Emit(new MappingStart());
        foreach (var (key, value) in config.Values)
        {
            Key(emitter, key);
            switch (key[(StackConfig.ProjectNamespace.Length + 1)..])
            {
                case "karpenter":
                    emitter.Emit(new MappingStart());
                    Key(emitter, "enabled");
                    Value(emitter, value!["enabled"]!);
                    emitter.Emit(new Comment("the pools below are Karpenter pools", isInline: true));
                    emitter.Emit(new MappingEnd());
                    break;
                case "devicePlugin":
                    emitter.Emit(new MappingStart());
                    Key(emitter, "profiles");
                    emitter.Emit(new MappingStart());
                    Key(emitter, profile);
                    emitter.Emit(new Comment($"--replicas {replicasPerGpu}: each GPU is advertised as {replicasPerGpu} nvidia.com/gpu, taken in turns", isInline: true));
                    Value(emitter, value!["profiles"]![profile]!);
                    emitter.Emit(new MappingEnd());
                    emitter.Emit(new MappingEnd());
                    break;
                default:
                    Pools(emitter, pools);
                    break;
            }
        }
        emitter.Emit(new MappingEnd());
        emitter.Emit(new MappingEnd());
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return writer.ToString();
    }

    private static void Pools(Emitter emitter, IReadOnlyList<ImportedPool> pools)
    {
        emitter.Emit(new MappingStart());
        foreach (var pool in pools)
        {
            Key(emitter, pool.Name);
            emitter.Emit(new Comment($"from {pool.Source}", isInline: true));
            emitter.Emit(new MappingStart());
            foreach (var setting in pool.Settings)
            {
                Key(emitter, setting.Key);
                Value(emitter, setting.Value);
                emitter.Emit(new Comment($"{setting.Source}: {setting.Why}", isInline: true));
            }
            foreach (var note in pool.Dropped)
            {
                emitter.Emit(new Comment(Line(note), isInline: false));
            }
            emitter.Emit(new MappingEnd());
        }
        emitter.Emit(new MappingEnd());
    }

    private static string Line(DroppedField note) => note.Unset ? $"{note.Path} (not set): {note.Reason}" : $"dropped {note.Path}: {note.Reason}";

    private static void Key(Emitter emitter, string key) => emitter.Emit(Scalar(key));

    private static void Value(Emitter emitter, JsonNode value)
    {
        switch (value)
        {
            case JsonObject map:
                emitter.Emit(new MappingStart());
                foreach (var (key, child) in map)
                {
                    Key(emitter, key);
                    Value(emitter, child!);
                }
                emitter.Emit(new MappingEnd());
                break;
            case JsonArray list:
                emitter.Emit(new SequenceStart(null, null, isImplicit: true, SequenceStyle.Flow));
                foreach (var item in list)
                {
                    Value(emitter, item!);
                }
                emitter.Emit(new SequenceEnd());
                break;
            default:
                emitter.Emit(value.GetValueKind() == JsonValueKind.String
                    ? Scalar(value.GetValue<string>())
                    : new Scalar(null, null, value.ToJsonString(), ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));
                break;
        }
    }

    // Text stays text in every reader: quoted when YAML 1.1 or 1.2 would read it plain as another type (YAML 1.2 core schema:
    // booleans, null, integers and floats; YAML 1.1's extra readings are Yaml11Scalars').
    private static Scalar Scalar(string text) =>
        new(null, null, text, text.Length == 0 || Yaml11Scalars.Ambiguity(text) is not null || NotText().IsMatch(text) ? ScalarStyle.DoubleQuoted : ScalarStyle.Any,
            isPlainImplicit: true, isQuotedImplicit: true);

    [GeneratedRegex(@"\A(true|false|null|~|[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|0x[0-9a-fA-F]+|0o[0-7]+)\z")]
    private static partial Regex NotText();
}
