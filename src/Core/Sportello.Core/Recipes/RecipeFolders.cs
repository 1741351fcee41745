namespace Sportello.Core.Recipes;

/// <summary>
/// The folders a recipe's steps name ("folder": "kb") are found only inside the recipe's own folder: never an
/// absolute path, never through "..", never through a symbolic link, so a recipe cannot read the rest of the
/// server. A recipe that has no folder (written into a request, or uploaded as a single file) can name none.
/// Problems name the path as the recipe wrote it, never where it would lead on the server.
/// </summary>
public static class RecipeFolders
{
    public static (string? Path, string? Problem) Resolve(string? baseDirectory, string? relative)
    {
        if (baseDirectory is null)
        {
            return (null, "Questa ricetta non ha una cartella propria (è stata caricata come file singolo o scritta nella richiesta): "
                + "metti il contenuto nella ricetta, oppure carica un archivio .zip con la ricetta e le sue cartelle.");
        }

        var outside = $"«{relative}» deve essere una cartella dentro quella della ricetta, senza «..» né percorsi assoluti.";
        if (string.IsNullOrWhiteSpace(relative) || System.IO.Path.IsPathRooted(relative) || relative.Contains(':')
            || relative.Split('/', '\\').Any(part => part == ".."))
        {
            return (null, outside);
        }

        var root = System.IO.Path.GetFullPath(baseDirectory);
        var full = System.IO.Path.GetFullPath(System.IO.Path.Combine(root, relative));
        if (!full.StartsWith(root.TrimEnd(System.IO.Path.DirectorySeparatorChar) + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return (null, outside);
        }

        for (var folder = new DirectoryInfo(full); folder.FullName.Length > root.Length; folder = folder.Parent!)
        {
            if (folder.Exists && folder.LinkTarget is not null)
            {
                return (null, $"«{relative}» passa per un collegamento simbolico: le ricette leggono solo cartelle vere.");
            }
        }

        return Directory.Exists(full) ? (full, null) : (null, $"La cartella «{relative}» non esiste accanto alla ricetta.");
    }

    /// <summary>Whether a file or folder found inside a recipe's folder is a symbolic link, which recipes do not follow.</summary>
    public static bool IsLink(string path) => new FileInfo(path).LinkTarget is not null;
}
