namespace Sportello.Testing;

/// <summary>Where the repository is checked out (the folder of SaaS.sln), and so where <c>../shared</c> lies.</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SaaS.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("SaaS.sln not found above " + AppContext.BaseDirectory);
    }
}
