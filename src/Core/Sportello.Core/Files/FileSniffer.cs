using System.Text;

namespace Sportello.Core.Files;

/// <summary>
/// What a file's first bytes say it is: the PDF, PNG and JPEG signatures, or text (UTF-8, no control characters but
/// tab and line ends), which is what a CSV file is too. Anything else is unknown.
/// </summary>
public static class FileSniffer
{
    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Text is judged on this many leading bytes: enough for any real CSV, bounded for a huge one.</summary>
    public const int TextSample = 64 * 1024;

    /// <summary>The kind of <paramref name="content"/>: <see cref="FileKind.Text"/> for text (a CSV is text), null when unknown.</summary>
    public static FileKind? Sniff(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith(Pdf))
        {
            return FileKind.Pdf;
        }

        if (content.StartsWith(Png))
        {
            return FileKind.Png;
        }

        if (content.StartsWith(Jpeg))
        {
            return FileKind.Jpeg;
        }

        return content.Length > 0 && IsText(content) ? FileKind.Text : null;
    }

    private static bool IsText(ReadOnlySpan<byte> content)
    {
        var cut = content.Length > TextSample;
        var sample = cut ? content[..TextSample] : content;
        foreach (var b in sample)
        {
            if (b < 0x20 && b is not (byte)'\t' and not (byte)'\n' and not (byte)'\r')
            {
                return false;
            }
        }

        try
        {
            // Not flushing a cut sample lets it end inside a multi-byte character, which is the cut's doing, not the file's.
            StrictUtf8.GetDecoder().GetCharCount(sample, flush: !cut);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
