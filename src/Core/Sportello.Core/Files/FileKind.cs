namespace Sportello.Core.Files;

/// <summary>The kinds of file the platform accepts, each recognised by its content, never by its name alone.</summary>
public enum FileKind
{
    Pdf,
    Png,
    Jpeg,
    Csv,
    Text,
}

public static class FileKinds
{
    public static string ContentType(this FileKind kind) => kind switch
    {
        FileKind.Pdf => "application/pdf",
        FileKind.Png => "image/png",
        FileKind.Jpeg => "image/jpeg",
        FileKind.Csv => "text/csv",
        _ => "text/plain",
    };

    /// <summary>What a file's name says it is; null for an extension the platform does not take.</summary>
    public static FileKind? FromName(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".pdf" => FileKind.Pdf,
        ".png" => FileKind.Png,
        ".jpg" or ".jpeg" => FileKind.Jpeg,
        ".csv" => FileKind.Csv,
        ".txt" => FileKind.Text,
        _ => null,
    };

    public static string Label(this FileKind kind) => kind switch
    {
        FileKind.Pdf => "PDF",
        FileKind.Png => "PNG",
        FileKind.Jpeg => "JPEG",
        FileKind.Csv => "CSV",
        _ => "TXT",
    };
}
