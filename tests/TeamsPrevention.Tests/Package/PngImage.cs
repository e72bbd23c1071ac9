using System.Buffers.Binary;
using System.IO.Compression;

namespace TeamsPrevention.Tests.Package;

/// <summary>
/// A PNG read independently of the build script: the IHDR size, and the pixels as RGBA for 8-bit, non-interlaced
/// greyscale, grey+alpha, RGB, RGBA and palette images (what icon editors write).
/// </summary>
public sealed class PngImage
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private PngImage(int width, int height, byte[] rgba)
    {
        Width = width;
        Height = height;
        Rgba = rgba;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Width × Height × 4 bytes, row by row.</summary>
    public byte[] Rgba { get; }

    public (byte R, byte G, byte B, byte A) Pixel(int x, int y)
    {
        var i = ((y * Width) + x) * 4;
        return (Rgba[i], Rgba[i + 1], Rgba[i + 2], Rgba[i + 3]);
    }

    public static PngImage Decode(byte[] png)
    {
        ArgumentNullException.ThrowIfNull(png);
        if (png.Length < 8 || !png.AsSpan(0, 8).SequenceEqual(Signature))
        {
            throw new InvalidDataException("Not a PNG (bad signature).");
        }

        int width = 0, height = 0, bitDepth = 0, colourType = 0, interlace = 0;
        byte[] palette = [];
        byte[] transparency = [];
        using var data = new MemoryStream();
        for (var offset = 8; offset + 8 <= png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            var type = System.Text.Encoding.ASCII.GetString(png, offset + 4, 4);
            var body = png.AsSpan(offset + 8, length);
            switch (type)
            {
                case "IHDR":
                    width = BinaryPrimitives.ReadInt32BigEndian(body);
                    height = BinaryPrimitives.ReadInt32BigEndian(body[4..]);
                    (bitDepth, colourType, interlace) = (body[8], body[9], body[12]);
                    break;
                case "PLTE":
                    palette = body.ToArray();
                    break;
                case "tRNS":
                    transparency = body.ToArray();
                    break;
                case "IDAT":
                    data.Write(body);
                    break;
            }

            if (type == "IEND")
            {
                break;
            }

            offset += 12 + length;
        }

        var channels = colourType switch { 0 => 1, 2 => 3, 3 => 1, 4 => 2, 6 => 4, _ => 0 };
        if (width <= 0 || height <= 0 || channels == 0 || bitDepth != 8 || interlace != 0)
        {
            throw new InvalidDataException($"Unsupported PNG: {width}×{height}, colour type {colourType}, depth {bitDepth}, interlace {interlace}.");
        }

        data.Position = 0;
        using var inflater = new ZLibStream(data, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        inflater.CopyTo(raw);
        var bytes = raw.ToArray();
        var stride = width * channels;
        var pixels = new byte[stride * height];
        for (var y = 0; y < height; y++)
        {
            var filter = bytes[y * (stride + 1)];
            for (var x = 0; x < stride; x++)
            {
                int value = bytes[(y * (stride + 1)) + 1 + x];
                int a = x >= channels ? pixels[(y * stride) + x - channels] : 0;
                int b = y > 0 ? pixels[((y - 1) * stride) + x] : 0;
                int c = x >= channels && y > 0 ? pixels[((y - 1) * stride) + x - channels] : 0;
                pixels[(y * stride) + x] = (byte)(filter switch
                {
                    0 => value,
                    1 => value + a,
                    2 => value + b,
                    3 => value + ((a + b) / 2),
                    4 => value + Paeth(a, b, c),
                    _ => throw new InvalidDataException($"Unknown PNG filter {filter}."),
                });
            }
        }

        var rgba = new byte[width * height * 4];
        for (var i = 0; i < width * height; i++)
        {
            var p = i * channels;
            (byte r, byte g, byte b, byte alpha) = colourType switch
            {
                0 => (pixels[p], pixels[p], pixels[p], (byte)255),
                2 => (pixels[p], pixels[p + 1], pixels[p + 2], (byte)255),
                3 => (palette[pixels[p] * 3], palette[(pixels[p] * 3) + 1], palette[(pixels[p] * 3) + 2],
                    pixels[p] < transparency.Length ? transparency[pixels[p]] : (byte)255),
                4 => (pixels[p], pixels[p], pixels[p], pixels[p + 1]),
                _ => (pixels[p], pixels[p + 1], pixels[p + 2], pixels[p + 3]),
            };
            rgba[i * 4] = r;
            rgba[(i * 4) + 1] = g;
            rgba[(i * 4) + 2] = b;
            rgba[(i * 4) + 3] = alpha;
        }

        return new PngImage(width, height, rgba);
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var pa = Math.Abs(p - a);
        var pb = Math.Abs(p - b);
        var pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
