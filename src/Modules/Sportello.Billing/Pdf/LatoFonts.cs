using PdfSharp.Fonts;

namespace Sportello.Billing.Pdf;

/// <summary>
/// Every PDF is set in Lato (SIL Open Font License, see Fonts/OFL.txt), embedded in this assembly: servers have no
/// fonts to rely on, and the same bytes everywhere make the same documents.
/// </summary>
internal sealed class LatoFonts : IFontResolver
{
    public const string Family = "Lato";

    private const string Regular = "Lato-Regular";
    private const string Bold = "Lato-Bold";

    private static readonly Lazy<LatoFonts> Instance = new(() =>
    {
        var fonts = new LatoFonts();
        // PDFsharp keeps one resolver per process and wants it set once, before any text is measured.
        GlobalFontSettings.FontResolver = fonts;
        return fonts;
    });

    private readonly Dictionary<string, byte[]> faces = new()
    {
        [Regular] = Load(Regular),
        [Bold] = Load(Bold),
    };

    public static void EnsureInstalled() => _ = Instance.Value;

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        bold ? new FontResolverInfo(Bold) : new FontResolverInfo(Regular, false, italic);

    public byte[] GetFont(string faceName) => faces[faceName];

    private static byte[] Load(string face)
    {
        using var stream = typeof(LatoFonts).Assembly.GetManifestResourceStream($"Sportello.Billing.Pdf.Fonts.{face}.ttf")
            ?? throw new InvalidOperationException($"The font {face} is not embedded in Sportello.Billing.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
