using System.Text;

namespace GpuSlicingInfra.Stacks.Config;

/// <summary>
/// Reads every YAML input (stack files, <c>plan --against</c> files, <c>git show</c> output) as strict UTF-8 without
/// trusting what the file system reports: only regular files are opened and the bytes actually read are capped.
/// </summary>
public static class BoundedInput
{
    /// <summary>Reads a regular file of at most <see cref="StackInputLimits.MaxBytes"/> bytes.</summary>
    /// <exception cref="ConfigException">Missing, a directory, a link, a FIFO or device, unreadable, too large, or not UTF-8.</exception>
    public static string ReadFile(string path, string source)
    {
        ArgumentNullException.ThrowIfNull(path);
        var info = new FileInfo(path);
        if (Directory.Exists(path) && info.LinkTarget is null)
        {
            throw new ConfigException(source, "is a directory; pass a file.");
        }
        // A link may point anywhere (/dev/zero, a file outside the repository): only the file itself is read.
        if (info.LinkTarget is { } target)
        {
            throw new ConfigException(source, $"is a symbolic link (to '{StackInputLimits.Printable(target)}'); pass the file itself.");
        }
        if (!info.Exists)
        {
            throw new ConfigException(source, $"file not found at '{StackInputLimits.Printable(path, 500)}'.");
        }
        // FIFOs and devices report length 0 and .NET cannot tell them from an empty file without opening them;
        // opening a FIFO blocks until a writer comes. So nothing of length 0 is opened.
        if (info.Length == 0)
        {
            throw new ConfigException(source, "is empty, or not a regular file (a FIFO or a device); nothing was read.");
        }
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
            return Decode(ReadCapped(stream, source, info.Length), source);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException(source, $"cannot be read: {StackInputLimits.OneLine(e.Message)}");
        }
    }

    /// <summary>Reads a stream to its end, failing as soon as it holds more than <see cref="StackInputLimits.MaxBytes"/> bytes.</summary>
    /// <exception cref="ConfigException">Too large, or not UTF-8.</exception>
    public static string ReadStream(Stream stream, string source)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return Decode(ReadCapped(stream, source, ChunkBytes), source);
    }

    private const int ChunkBytes = 64 * 1024;

    // The cap counts bytes read, not the length the file claims: a file can grow while it is read. The claimed length
    // only sizes the buffer (one byte more, so the end is seen in one read), as the compiler reads a stack file of a
    // few KiB on every Pulumi run.
    private static byte[] ReadCapped(Stream stream, string source, long expectedBytes)
    {
        using var memory = new MemoryStream();
        var chunk = new byte[Math.Clamp(expectedBytes + 1, 1, ChunkBytes)];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (memory.Length + read > StackInputLimits.MaxBytes)
            {
                throw new ConfigException(source, $"is larger than {StackInputLimits.MaxBytes / (1024 * 1024)} MiB; a stack file or program is far smaller.");
            }
            memory.Write(chunk, 0, read);
        }
        return memory.ToArray();
    }

    private static string Decode(byte[] bytes, string source)
    {
        try
        {
            var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
            return text.StartsWith('\uFEFF') ? text[1..] : text;
        }
        catch (DecoderFallbackException e)
        {
            throw new ConfigException(source, $"is not valid UTF-8 (bad byte near offset {Math.Max(e.Index, 0)}); save it as UTF-8.");
        }
    }
}
