using System.Text.Json;
using Microsoft.Extensions.Options;
using Sportello.Core.Hosting;
using Sportello.Core.Recipes;
using Sportello.Core.Validation;

namespace Sportello.Tenants.Domain;

/// <summary>One recipe the operator can create tenants from.</summary>
public sealed record RecipeInfo(string File, string Name, string? DisplayName, string? Description);

/// <summary>The recipes folder as a menu: only files listed here can be chosen, so a name can never point elsewhere.</summary>
public sealed class RecipeFiles(IOptions<SportelloOptions> options)
{
    private string Folder => RecipeFolder.Resolve(options.Value.Recipes.Path);

    public IReadOnlyList<RecipeInfo> List()
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }

        var list = new List<RecipeInfo>();
        foreach (var path in Directory.EnumerateFiles(Folder, "*.recipe.json").Order(StringComparer.Ordinal))
        {
            try
            {
                var recipe = RecipeLoader.LoadFile(path);
                list.Add(new RecipeInfo(Path.GetFileName(path), recipe.Name, recipe.DisplayName, recipe.Description));
            }
            catch (RecipeException)
            {
                // A broken file is reported when someone picks it, not by hiding the whole list.
                list.Add(new RecipeInfo(Path.GetFileName(path), Path.GetFileName(path), null, null));
            }
        }

        return list;
    }

    public RecipeDocument Load(string file)
    {
        var available = List();
        if (!available.Any(r => r.File == file))
        {
            throw new SportelloValidationException("recipe", $"Ricetta sconosciuta '{file}'. Ricette disponibili: {string.Join(", ", available.Select(r => r.File))}.");
        }

        return RecipeLoader.LoadFile(Path.Combine(Folder, file));
    }
}
