namespace GpuSlicingInfra.Stacks.Config;

/// <summary>How far apart two spellings are, for "did you mean" hints on misspelled keys and namespaces.</summary>
internal static class EditDistance
{
    /// <summary>Levenshtein distance: insertions, deletions and substitutions.</summary>
    public static int Of(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
