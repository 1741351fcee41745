using System.IO.Compression;

namespace Sportello.Core.Recipes;

/// <summary>
/// An uploaded .zip with a recipe and the folders it names (a knowledge-base export, say), unpacked into a folder of
/// its own: every entry must land inside it (no "..", no absolute names), and the archive must stay small.
/// </summary>
public static class RecipeArchive
{
    public const long MaxUnpackedBytes = 50_000_000;
    public const int MaxEntries = 5_000;

    /// <summary>Unpacks <paramref name="archive"/> into <paramref name="folder"/>; returns the recipe found at its top, or why it was refused.</summary>
    public static (RecipeDocument? Recipe, string? Problem) Unpack(Stream archive, string folder)
    {
        Directory.CreateDirectory(folder);
        var root = Path.GetFullPath(folder) + Path.DirectorySeparatorChar;
        try
        {
            using var zip = new ZipArchive(archive, ZipArchiveMode.Read);
            if (zip.Entries.Count > MaxEntries)
            {
                return (null, $"L'archivio contiene più di {MaxEntries} file.");
            }

            long total = 0;
            foreach (var entry in zip.Entries)
            {
                var target = Path.GetFullPath(Path.Combine(root, entry.FullName));
                if (!target.StartsWith(root, StringComparison.Ordinal) || Path.IsPathRooted(entry.FullName))
                {
                    return (null, $"L'archivio contiene «{entry.FullName}», fuori dalla sua cartella.");
                }

                total += entry.Length;
                if (total > MaxUnpackedBytes)
                {
                    return (null, $"L'archivio scompattato supera {MaxUnpackedBytes / 1_000_000} MB.");
                }

                if (entry.FullName.EndsWith('/'))
                {
                    Directory.CreateDirectory(target);
                    continue;
                }

                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                entry.ExtractToFile(target, overwrite: false);
            }
        }
        catch (InvalidDataException)
        {
            return (null, "Il file non è un archivio .zip valido.");
        }

        var recipes = Directory.GetFiles(folder, "*.recipe.json", SearchOption.TopDirectoryOnly);
        return recipes.Length == 1
            ? (RecipeLoader.LoadFile(recipes[0]), null)
            : (null, "L'archivio deve contenere, al primo livello, esattamente un file *.recipe.json.");
    }
}
