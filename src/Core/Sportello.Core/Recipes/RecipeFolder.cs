namespace Sportello.Core.Recipes;

/// <summary>Finds the recipes folder: as configured, relative to the application's files (the build copies recipes/ there).</summary>
public static class RecipeFolder
{
    public static string Resolve(string configured) =>
        Path.IsPathRooted(configured) ? configured : Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, configured));
}
