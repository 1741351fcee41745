using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Sportello.Core.Modules;
using Module = Sportello.Core.Modules.Module;

namespace Sportello.Core.Tests.Modules;

/// <summary>
/// Every module has the same anatomy (docs/architecture.md), read from the sources and the built assemblies: its
/// Module class and Permissions.cs, a Domain/ free of web types, references only to kernel and .Contracts projects
/// that agree with its declared dependencies, and migrations that run.
/// </summary>
public sealed partial class ModuleAnatomyTests
{
    private static readonly string Root = Sportello.Testing.Repository.Root;
    private static readonly string ModulesFolder = Path.Combine(Root, "src", "Modules");

    /// <summary>The kernel's projects, which any module may reference.</summary>
    private static readonly string[] Kernel = ["Sportello.Core", "Sportello.Core.Contracts"];

    /// <summary>Libraries under Microsoft.AspNetCore that are not the web: the user store and key protection.</summary>
    private static readonly string[] NotWeb = ["Microsoft.AspNetCore.Identity", "Microsoft.AspNetCore.DataProtection"];

    public static TheoryData<string> Projects()
    {
        var data = new TheoryData<string>();
        foreach (var name in ModuleProjects())
        {
            data.Add(name);
        }

        return data;
    }

    private static IEnumerable<string> ModuleProjects() =>
        Directory.GetDirectories(ModulesFolder).Select(Path.GetFileName).OfType<string>()
            .Where(n => !n.EndsWith(".Contracts", StringComparison.Ordinal)).Order(StringComparer.Ordinal);

    [Fact]
    public void The_five_modules_are_found() =>
        Assert.Superset(new HashSet<string> { "Sportello.Identity", "Sportello.KnowledgeBase", "Sportello.Mail", "Sportello.Pages", "Sportello.Tenants" }, ModuleProjects().ToHashSet());

    [Theory]
    [MemberData(nameof(Projects))]
    public void A_module_has_its_module_class_and_its_permissions(string project)
    {
        var folder = Path.Combine(ModulesFolder, project);
        var area = project["Sportello.".Length..];
        Assert.True(File.Exists(Path.Combine(folder, "Permissions.cs")), $"{project} has no Permissions.cs.");
        Assert.True(File.Exists(Path.Combine(folder, area + "Module.cs")), $"{project} has no {area}Module.cs.");

        var module = Assert.Single(ModulesOf(project));
        Assert.Equal(area + "Module", module.GetType().Name);
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void Domain_types_use_no_web_types(string project)
    {
        var domain = Path.Combine(ModulesFolder, project, "Domain");
        if (!Directory.Exists(domain))
        {
            return;
        }

        var offenders = Directory.EnumerateFiles(domain, "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => WebNamespace().Matches(File.ReadAllText(file)).Select(m => m.Value)
                .Where(ns => !NotWeb.Any(ok => ns.StartsWith(ok, StringComparison.Ordinal)))
                .Select(ns => $"{Path.GetRelativePath(Root, file)}: {ns}"))
            .Distinct()
            .ToList();
        Assert.True(offenders.Count == 0, "Domain/ must not use ASP.NET web types; move these to Pages/, Api/ or Security/:\n" + string.Join("\n", offenders));
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void A_module_references_other_modules_only_through_contracts_it_declares(string project)
    {
        var module = Assert.Single(ModulesOf(project));
        var references = ProjectReferences(Path.Combine(ModulesFolder, project, project + ".csproj"));
        foreach (var reference in references.Where(r => !Kernel.Contains(r)))
        {
            Assert.True(reference.EndsWith(".Contracts", StringComparison.Ordinal),
                $"{project} references {reference}: a module reaches another only through its .Contracts project.");
            var owner = reference[..^".Contracts".Length];
            if (owner == project)
            {
                continue;
            }

            var ownerId = Assert.Single(ModulesOf(owner)).Id;
            Assert.True(module.Dependencies.Contains(ownerId) || module.Integrations.Contains(ownerId),
                $"{project} references {reference} but neither depends on '{ownerId}' nor declares it among its integrations.");
        }

        foreach (var integration in module.Integrations)
        {
            Assert.Contains(references, r => r.EndsWith(".Contracts", StringComparison.Ordinal) && ModulesOf(r[..^".Contracts".Length]).Any(m => m.Id == integration));
        }

        // A module's own contract is referenced by the module itself, so the two cannot drift apart.
        if (Directory.Exists(Path.Combine(ModulesFolder, project + ".Contracts")))
        {
            Assert.Contains(project + ".Contracts", references);
        }
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void A_module_with_migrations_runs_them(string project)
    {
        var module = Assert.Single(ModulesOf(project));
        var folder = Path.Combine(ModulesFolder, project, "Migrations");
        var hasFolder = Directory.Exists(folder) && Directory.EnumerateFiles(folder, "*.cs").Any();
        Assert.Equal(hasFolder, module.HasMigrations);
        if (hasFolder)
        {
            Assert.NotNull(new ModuleCatalog(AllModules()).LatestMigration(module.Id));
        }
    }

    /// <summary>
    /// Razor pages and views are found by their path inside the project: two modules with the same path (say
    /// Pages/Admin/Users/Details.cshtml) leave one of them silently unreachable, whatever routes they declare.
    /// </summary>
    [Fact]
    public void No_two_modules_ship_a_page_or_view_at_the_same_path()
    {
        var shipped = ModuleProjects()
            .SelectMany(project => Assembly.Load(project).GetCustomAttributes<Microsoft.AspNetCore.Razor.Hosting.RazorCompiledItemAttribute>()
                .Select(item => (Project: project, Path: item.Identifier)))
            .Where(item => !item.Path.EndsWith("/_ViewImports.cshtml", StringComparison.OrdinalIgnoreCase)) // each project's own, by design
            .ToList();
        var clashes = shipped.GroupBy(i => i.Path, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(i => i.Project))}").ToList();
        Assert.True(shipped.Count > 50, "no compiled Razor items were found in the modules");
        Assert.True(clashes.Count == 0, "Move these under a folder named after the module:\n" + string.Join("\n", clashes));
    }

    [Fact]
    public void Contracts_use_neither_EF_nor_ASP_NET_and_reference_only_contracts()
    {
        foreach (var folder in Directory.GetDirectories(ModulesFolder, "*.Contracts"))
        {
            var name = Path.GetFileName(folder);
            var project = XDocument.Load(Path.Combine(folder, name + ".csproj"));
            Assert.DoesNotContain(project.Descendants("FrameworkReference"), f => f.Attribute("Include")?.Value == "Microsoft.AspNetCore.App");
            Assert.DoesNotContain(project.Descendants("PackageReference"), p => p.Attribute("Include")?.Value.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) == true);
            Assert.All(ProjectReferences(Path.Combine(folder, name + ".csproj")), r => Assert.True(r.EndsWith(".Contracts", StringComparison.Ordinal), $"{name} references {r}."));

            var assembly = Assembly.Load(name);
            Assert.DoesNotContain(assembly.GetReferencedAssemblies(), a => a.Name!.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) || a.Name!.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        }
    }

    private static IReadOnlyList<Module> ModulesOf(string project) => ModuleDiscovery.FromAssemblies([Assembly.Load(project)]);

    private static IReadOnlyList<Module> AllModules() => ModuleDiscovery.FromAssemblies(ModuleProjects().Select(Assembly.Load));

    private static List<string> ProjectReferences(string csproj) =>
        XDocument.Load(csproj).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')))
            .ToList();

    [GeneratedRegex(@"Microsoft\.AspNetCore(\.[A-Za-z]+)+")]
    private static partial Regex WebNamespace();
}
