using System.Buffers.Binary;
using System.IO.Compression;

namespace GpuSlicingInfra.Tests.PlanHtml;

/// <summary>
/// The pixels of an 8-bit RGB or RGBA PNG, enough to check a browser screenshot: chunks per the PNG specification
/// (IHDR, IDAT, IEND), the zlib stream inflated and each scanline's filter (none, sub, up, average, Paeth) undone.
/// </summary>
internal sealed class PngPixels
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly byte[] _rows;
    private readonly int _channels;

    private PngPixels(int width, int height, int channels, byte[] rows)
    {
        Width = width;
        Height = height;
        _channels = channels;
        _rows = rows;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>How many pixels have exactly this colour (alpha ignored).</summary>
    public int Count(byte r, byte g, byte b) => Pixels().Count(p => p == (r, g, b));

    /// <summary>The share of pixels of the most frequent colour: 1 for a blank image.</summary>
    public double DominantShare() => Pixels().GroupBy(p => p).Max(g => g.Count()) / (double)(Width * Height);

    public static PngPixels Read(byte[] png)
    {
        Assert.True(png.AsSpan(0, 8).SequenceEqual(Signature), "not a PNG file");
        int width = 0, height = 0, channels = 0;
        using var idat = new MemoryStream();
        for (var offset = 8; offset < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            var type = System.Text.Encoding.ASCII.GetString(png, offset + 4, 4);
            var data = png.AsSpan(offset + 8, length);
            if (type == "IHDR")
            {
                (width, height) = (BinaryPrimitives.ReadInt32BigEndian(data), BinaryPrimitives.ReadInt32BigEndian(data[4..]));
                Assert.True(data[8] == 8 && data[9] is 2 or 6 && data[12] == 0, $"only 8-bit RGB/RGBA without interlace is read (bit depth {data[8]}, colour type {data[9]}, interlace {data[12]})");
                channels = data[9] == 6 ? 4 : 3;
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }
            offset += 12 + length;
        }
        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }
        return new PngPixels(width, height, channels, Unfilter(inflated.ToArray(), width, height, channels));
    }

    private IEnumerable<(byte R, byte G, byte B)> Pixels()
    {
        for (var i = 0; i < _rows.Length; i += _channels)
        {
            yield return (_rows[i], _rows[i + 1], _rows[i + 2]);
        }
    }

    private static byte[] Unfilter(byte[] data, int width, int height, int channels)
    {
        var stride = width * channels;
        var rows = new byte[stride * height];
        for (var y = 0; y < height; y++)
        {
            var filter = data[y * (stride + 1)];
            var source = data.AsSpan(y * (stride + 1) + 1, stride);
            var row = rows.AsSpan(y * stride, stride);
            var above = y == 0 ? new byte[stride] : rows.AsSpan((y - 1) * stride, stride);
            for (var x = 0; x < stride; x++)
            {
                int left = x >= channels ? row[x - channels] : 0, up = above[x], upLeft = x >= channels ? above[x - channels] : 0;
                var predictor = filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw new InvalidDataException($"PNG filter {filter} on row {y}"),
                };
                row[x] = (byte)(source[x] + predictor);
            }
        }
        return rows;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var (pa, pb, pc) = (Math.Abs(p - a), Math.Abs(p - b), Math.Abs(p - c));
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
