using System.Text;
using Sportello.Core.Files;

namespace Sportello.Core.Tests.Files;

public sealed class FileSnifferTests
{
    public static TheoryData<byte[], FileKind?> Samples => new()
    {
        { "%PDF-1.7\n%âãÏÓ\n1 0 obj"u8.ToArray(), FileKind.Pdf },
        { [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], FileKind.Png },
        { [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F'], FileKind.Jpeg },
        { "codice_fiscale;nome\r\nRSSMRA80A01H501U;Mario\r\n"u8.ToArray(), FileKind.Text },
        { [0xEF, 0xBB, 0xBF, .. "città;perché\n"u8.ToArray()], FileKind.Text },
        { "MZ\u0090\0\u0003"u8.ToArray(), null }, // a Windows program
        { [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00], null }, // a zip (or .docx)
        { [(byte)'a', (byte)'b', 0xC3, 0x28], null }, // not UTF-8
        { "riga\u0000nascosta"u8.ToArray(), null },
        { [], null },
        { "%PD"u8.ToArray(), FileKind.Text }, // too short to be a PDF: just three letters
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Content_is_recognised_by_its_bytes(byte[] content, FileKind? expected) =>
        Assert.Equal(expected, FileSniffer.Sniff(content));

    [Fact]
    public void A_long_text_cut_inside_a_character_is_still_text()
    {
        var text = new string('a', FileSniffer.TextSample - 1) + "è e poi ancora testo";
        Assert.Equal(FileKind.Text, FileSniffer.Sniff(Encoding.UTF8.GetBytes(text)));
    }

    [Theory]
    [InlineData("../../etc/passwd.pdf", "passwd.pdf")]
    [InlineData("C:\\Users\\mario\\carta d'identità.pdf", "carta d_identità.pdf")]
    [InlineData("<script>.png", "_script_.png")]
    [InlineData("...", "file")]
    public void Stored_names_are_never_paths_nor_markup(string uploaded, string stored) =>
        Assert.Equal(stored, FileNames.Safe(uploaded));
}
