using System.Globalization;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace GpuSlicingInfra.Components.Program;

/// <summary>
/// Writes a <see cref="PulumiProgram"/> as Pulumi YAML. Output depends only on the program:
/// no timestamps, no paths, keys in a fixed order, strings quoted whenever YAML could read them
/// as anything but the same string.
/// </summary>
public static class ProgramWriter
{
    /// <summary>The program as Pulumi YAML text.</summary>
    public static string Write(PulumiProgram program)
    {
        ArgumentNullException.ThrowIfNull(program);
        return WriteDocument(ToMap(program), program.Resources.Count * TypicalBytesPerResource);
    }

    /// <summary>Any expression tree as one YAML document, with the same quoting rules.</summary>
    public static string WriteDocument(Expr document) => WriteDocument(document, 0);

    // The stacks' programs average 700 to 750 characters a resource (dev: 38,444 for 53): one buffer of about the
    // right size instead of a chain of growing chunks copied again at the end.
    private const int TypicalBytesPerResource = 768;

    private static string WriteDocument(Expr document, int expectedLength)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var text = new StringWriter(new StringBuilder(expectedLength), CultureInfo.InvariantCulture) { NewLine = "\n" };
        var emitter = new Emitter(text, new EmitterSettings(bestIndent: 2, bestWidth: int.MaxValue, isCanonical: false,
            maxSimpleKeyLength: 1024, skipAnchorName: false, indentSequences: false, newLine: "\n"));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        new YamlNodeWriter(emitter).Write(document);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    private static MapExpr ToMap(PulumiProgram program)
    {
        var root = new List<KeyValuePair<string, Expr>>
        {
            Entry("name", Expr.Text(program.Project)),
            Entry("runtime", Expr.Text("yaml")),
        };
        if (program.Description is { } description)
        {
            root.Add(Entry("description", Expr.Text(description)));
        }
        if (program.Config.Count > 0)
        {
            root.Add(Entry("config", new MapExpr([.. program.Config.Select(c => Entry(c.Key, ConfigEntry(c.Value)))])));
        }
        if (program.Variables.Count > 0)
        {
            root.Add(Entry("variables", new MapExpr(program.Variables)));
        }
        root.Add(Entry("resources", new MapExpr([.. program.Resources.Select(r => Entry(r.Name, ResourceEntry(r)))])));
        if (program.Outputs.Count > 0)
        {
            root.Add(Entry("outputs", new MapExpr(program.Outputs)));
        }
        return new MapExpr(root);
    }

    private static MapExpr ConfigEntry(ConfigDeclaration declaration)
    {
        var entries = new List<KeyValuePair<string, Expr>> { Entry("type", Expr.Text(declaration.Type)) };
        if (declaration.Default is { } value)
        {
            entries.Add(Entry("default", value));
        }
        if (declaration.Secret)
        {
            entries.Add(Entry("secret", Expr.Bool(true)));
        }
        return new MapExpr(entries);
    }

    private static MapExpr ResourceEntry(Resource resource)
    {
        var entries = new List<KeyValuePair<string, Expr>> { Entry("type", Expr.Text(resource.Type)) };
        var properties = resource.Properties;
        if (properties.Entries.Count > 0)
        {
            entries.Add(Entry("properties", properties));
        }
        var options = OptionsEntry(resource);
        if (options.Entries.Count > 0)
        {
            entries.Add(Entry("options", options));
        }
        return new MapExpr(entries);
    }

    private static MapExpr OptionsEntry(Resource resource)
    {
        var o = resource.Options;
        var entries = new List<KeyValuePair<string, Expr>>();
        void Add(string key, Expr? value)
        {
            if (value is not null)
            {
                entries.Add(Entry(key, value));
            }
        }
        static Expr? Flag(bool on) => on ? Expr.Bool(true) : null;
        static Expr? Strings(IReadOnlyList<string> values) => values.Count == 0 ? null : Expr.List(values.Select(Expr.Text));

        Add("provider", o.Provider?.Reference);
        Add("parent", o.Parent?.Reference);
        Add("dependsOn", o.DependsOn.Count == 0 ? null : Expr.List(o.DependsOn.Select(d => (Expr)d.Reference)));
        Add("protect", Flag(o.Protect));
        Add("retainOnDelete", Flag(o.RetainOnDelete));
        Add("deleteBeforeReplace", Flag(o.DeleteBeforeReplace));
        Add("ignoreChanges", Strings(o.IgnoreChanges));
        Add("replaceOnChanges", Strings(o.ReplaceOnChanges));
        Add("additionalSecretOutputs", Strings(o.AdditionalSecretOutputs));
        Add("aliases", o.Aliases.Count == 0 ? null : Expr.List(o.Aliases.Select(AliasEntry)));
        Add("customTimeouts", o.CustomTimeouts is null ? null : ValueConverter.ToExpr(o.CustomTimeouts));
        Add("version", resource.PluginVersion is { } version && o.Provider is null ? Expr.Text(version) : null);
        return new MapExpr(entries);
    }

    private static Expr AliasEntry(ResourceAlias alias)
    {
        var entries = new List<KeyValuePair<string, Expr>> { Entry("name", Expr.Text(alias.Name)) };
        if (alias.Type is { } type)
        {
            entries.Add(Entry("type", Expr.Text(type)));
        }
        return new MapExpr(entries);
    }

    private static KeyValuePair<string, Expr> Entry(string key, Expr value) => KeyValuePair.Create(key, value);

    /// <summary>Emits expressions as YAML events.</summary>
    private sealed class YamlNodeWriter(IEmitter emitter)
    {
        public void Write(Expr expr)
        {
            switch (expr)
            {
                case LiteralExpr literal:
                    WriteLiteral(literal.Value);
                    break;
                case ListExpr list:
                    emitter.Emit(new SequenceStart(null, null, isImplicit: true, SequenceStyle.Block));
                    foreach (var item in list.Items)
                    {
                        Write(item);
                    }
                    emitter.Emit(new SequenceEnd());
                    break;
                case MapExpr map:
                    emitter.Emit(new MappingStart(null, null, isImplicit: true, MappingStyle.Block));
                    foreach (var (key, value) in map.Entries)
                    {
                        WriteString(key);
                        Write(value);
                    }
                    emitter.Emit(new MappingEnd());
                    break;
                case ReferenceExpr reference:
                    WriteScalar("${" + reference.ToPathText() + "}");
                    break;
                case InterpolationExpr interpolation:
                    WriteScalar(Interpolate(interpolation));
                    break;
                case FunctionExpr function:
                    emitter.Emit(new MappingStart(null, null, isImplicit: true, MappingStyle.Block));
                    WriteScalar("fn::" + function.Name);
                    Write(function.Argument);
                    emitter.Emit(new MappingEnd());
                    break;
                default:
                    throw new InvalidOperationException($"Unsupported expression {expr.GetType().Name}.");
            }
        }

        private void WriteLiteral(object? value)
        {
            switch (value)
            {
                case null:
                    emitter.Emit(new Scalar(null, null, "null", ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));
                    break;
                case string s:
                    WriteString(s);
                    break;
                case bool b:
                    WritePlain(b ? "true" : "false");
                    break;
                case long l:
                    WritePlain(l.ToString(CultureInfo.InvariantCulture));
                    break;
                case double d:
                    WritePlain(d.ToString("R", CultureInfo.InvariantCulture));
                    break;
                default:
                    throw new InvalidOperationException($"Unsupported literal {value.GetType().Name}.");
            }
        }

        private void WriteString(string text) => WriteScalar(ScalarText.EscapeInterpolation(text));

        private void WriteScalar(string text) => emitter.Emit(new Scalar(null, null, text,
            ScalarText.StyleFor(text), isPlainImplicit: true, isQuotedImplicit: true));

        private void WritePlain(string text) =>
            emitter.Emit(new Scalar(null, null, text, ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));

        private static string Interpolate(InterpolationExpr interpolation)
        {
            var text = new StringBuilder();
            foreach (var part in interpolation.Parts)
            {
                text.Append(part is ReferenceExpr r ? "${" + r.ToPathText() + "}" : ScalarText.EscapeInterpolation((string)part));
            }
            return text.ToString();
        }
    }
}
