using QRCoder;

namespace Sportello.Core.Web;

/// <summary>A QR code drawn as SVG on the server (no script, no image request), for a phone to open a link or a key.</summary>
public static class QrCode
{
    public static string Svg(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.Q);
        return new SvgQRCode(data).GetGraphic(5);
    }
}
