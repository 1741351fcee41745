namespace Sportello.Core.Files;

public static class FileNames
{
    /// <summary>
    /// An uploaded name as it is stored and sent back: letters, digits, spaces, dots, hyphens and underscores, at most
    /// <see cref="TenantFile.MaxName"/> characters (the end kept, with the extension); never a path, never markup.
    /// </summary>
    public static string Safe(string name)
    {
        var leaf = Path.GetFileName(name.Replace('\\', '/'));
        var kept = new string(leaf.Select(c => char.IsLetterOrDigit(c) || c is ' ' or '.' or '-' or '_' ? c : '_').ToArray()).Trim(' ', '.');
        if (kept.Length == 0)
        {
            kept = "file";
        }

        return kept.Length <= TenantFile.MaxName ? kept : kept[^TenantFile.MaxName..];
    }
}
