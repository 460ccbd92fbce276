using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace GpuSlicingInfra.Review;

/// <summary>
/// Checks a YAML text on its event stream, before any node tree exists: nesting, duplicate keys, and what aliases
/// expand to. Every alias counts as a copy of its anchor's values at its anchor's depth, so an alias bomb or an
/// alias that refers to itself is refused here instead of exhausting memory or the stack in a later tree walk.
/// </summary>
internal sealed class YamlShape(string source)
{
    private readonly Stack<Frame> _frames = new();
    private readonly Dictionary<string, Extent> _anchors = new(StringComparer.Ordinal);
    private long _values;

    /// <exception cref="YamlInputException">Syntax error, too deep, a duplicate key or too many values once aliases are expanded.</exception>
    public void Check(string text)
    {
        var parser = new Parser(new StringReader(text));
        try
        {
            while (parser.MoveNext())
            {
                Visit(parser.Current!);
            }
        }
        catch (YamlException e)
        {
            throw YamlSyntaxError.From(e, text, source);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException)
        {
            // The YAML scanner throws these on some malformed input instead of a YamlException.
            throw new YamlInputException(source, $"not valid YAML near line {parser.Current?.Start.Line ?? 1}: {InputText.OneLine(e.Message)}");
        }
    }

    private void Visit(ParsingEvent current)
    {
        switch (current)
        {
            case DocumentStart:
                _frames.Clear();
                _anchors.Clear();
                break;
            case MappingStart or SequenceStart:
                if (TakeSlot(null, isContainer: true))
                {
                    throw new YamlInputException(source, $"line {current.Start.Line}: map keys must be plain text, not a {(current is MappingStart ? "map" : "list")}.");
                }
                if (_frames.Count >= YamlInput.MaxDepth)
                {
                    throw new YamlInputException(source, $"line {current.Start.Line}: values are nested more than {YamlInput.MaxDepth} levels deep.");
                }
                Count(1, current);
                _frames.Push(new Frame(current is MappingStart, _frames.Count + 1, _values, ((NodeEvent)current).Anchor));
                break;
            case MappingEnd or SequenceEnd:
                var done = _frames.Pop();
                if (_frames.TryPeek(out var owner))
                {
                    owner.Deepest = Math.Max(owner.Deepest, done.Deepest);
                    // Containers are only ever values (keys are plain text), so the next slot is a key.
                    owner.ExpectKey = owner.IsMap;
                }
                if (!done.Anchor.IsEmpty)
                {
                    _anchors[done.Anchor.Value] = new Extent(_values - done.FirstValue + 1, done.Deepest - done.Level + 1);
                }
                break;
            case Scalar scalar:
                TakeSlot(scalar, isContainer: false);
                Count(1, current);
                if (!scalar.Anchor.IsEmpty)
                {
                    _anchors[scalar.Anchor.Value] = new Extent(1, 0);
                }
                break;
            case AnchorAlias alias:
                if (TakeSlot(null, isContainer: false))
                {
                    throw new YamlInputException(source, $"line {alias.Start.Line}: map keys must be plain text, not an alias.");
                }
                Expand(alias);
                break;
        }
    }

    private void Expand(AnchorAlias alias)
    {
        if (_frames.Any(f => !f.Anchor.IsEmpty && f.Anchor.Value == alias.Value.Value))
        {
            throw new YamlInputException(source, $"line {alias.Start.Line}: the alias '*{InputText.Printable(alias.Value.Value)}' refers to a value that contains it.");
        }
        // An undefined alias is reported by the reader that builds the tree.
        if (!_anchors.TryGetValue(alias.Value.Value, out var extent))
        {
            return;
        }
        var depth = _frames.Count + extent.Height;
        if (depth > YamlInput.MaxDepth)
        {
            throw new YamlInputException(source, $"line {alias.Start.Line}: values are nested more than {YamlInput.MaxDepth} levels deep once the alias '*{InputText.Printable(alias.Value.Value)}' is expanded.");
        }
        if (_frames.TryPeek(out var parent))
        {
            parent.Deepest = Math.Max(parent.Deepest, depth);
        }
        Count(extent.Values, alias);
    }

    private void Count(long values, ParsingEvent at)
    {
        _values += values;
        if (_values > YamlInput.MaxValues)
        {
            throw new YamlInputException(source, $"line {at.Start.Line}: expands to more than {YamlInput.MaxValues} values (aliases repeated?); a stack file or program is far smaller.");
        }
    }

    // Fills the next key or value slot of the enclosing map; returns whether it was a key.
    private bool TakeSlot(Scalar? scalar, bool isContainer)
    {
        if (!_frames.TryPeek(out var map) || !map.IsMap)
        {
            return false;
        }
        var wasKey = map.ExpectKey;
        if (wasKey && scalar is not null && !map.Keys.Add(scalar.Value))
        {
            throw new YamlInputException(source, $"line {scalar.Start.Line}: key '{InputText.Printable(scalar.Value)}' appears twice in the same map.");
        }
        // A container value fills its slot when it ends (MappingEnd/SequenceEnd above); a scalar or alias at once.
        map.ExpectKey = !isContainer && !wasKey;
        return wasKey;
    }

    /// <summary>What an anchor expands to: its values (itself included) and its nesting height (0 for a scalar).</summary>
    private readonly record struct Extent(long Values, int Height);

    private sealed class Frame(bool isMap, int level, long firstValue, AnchorName anchor)
    {
        public bool IsMap { get; } = isMap;

        public int Level { get; } = level;

        public long FirstValue { get; } = firstValue;

        public AnchorName Anchor { get; } = anchor;

        public int Deepest { get; set; } = level;

        public bool ExpectKey { get; set; } = isMap;

        public HashSet<string> Keys { get; } = new(StringComparer.Ordinal);
    }
}
