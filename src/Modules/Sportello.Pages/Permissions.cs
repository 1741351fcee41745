using Sportello.Core.Modules;

namespace Sportello.Pages;

/// <summary>
/// The home page is edited through recipes and read by everyone, so nothing here is granted yet; the file is where
/// a permission goes when the page gets an editor.
/// </summary>
public static class PagesPermissions
{
    public static IReadOnlyList<Permission> All { get; } = [];
}
