using Sportello.Core.Modules;
using Sportello.Core.Validation;

namespace Sportello.Core.Tests.Modules;

public class ModuleCatalogTests
{
    private sealed class M(string id, params string[] dependencies) : Module
    {
        public override string Id => id;
        public override string Name => id;
        public override IReadOnlyList<string> Dependencies => dependencies;
    }

    private static readonly ModuleCatalog Catalog = new([
        new M("billing", "identity"),
        new M("identity"),
        new M("spid", "billing", "organizations"),
        new M("organizations", "identity"),
        new M("pages"),
    ]);

    [Fact]
    public void Closure_adds_dependencies_in_dependency_order()
    {
        var closure = Catalog.Closure(["spid"]);
        Assert.Equal(["billing", "identity", "organizations", "spid"], closure.Order());
        Assert.True(closure.ToList().IndexOf("identity") < closure.ToList().IndexOf("billing"));
        Assert.True(closure.ToList().IndexOf("billing") < closure.ToList().IndexOf("spid"));
    }

    [Fact]
    public void Dependents_include_indirect_ones() =>
        Assert.Equal(["billing", "organizations", "spid"], Catalog.Dependents("identity", ["identity", "billing", "organizations", "spid", "pages"]));

    [Fact]
    public void Unknown_module_in_a_closure_is_a_validation_error() =>
        Assert.Contains("'nope'", Assert.Throws<SportelloValidationException>(() => Catalog.Closure(["nope"])).Message);

    [Fact]
    public void Cycles_are_rejected_at_start_up_naming_the_cycle()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new ModuleCatalog([new M("a", "b"), new M("b", "c"), new M("c", "a")]));
        Assert.Contains("a -> b -> c -> a", ex.Message);
    }

    [Fact]
    public void Unknown_dependencies_are_rejected_at_start_up() =>
        Assert.Contains("'ghost'", Assert.Throws<InvalidOperationException>(() => new ModuleCatalog([new M("a", "ghost")])).Message);

    [Fact]
    public void Duplicate_ids_are_rejected() =>
        Assert.Throws<InvalidOperationException>(() => new ModuleCatalog([new M("a"), new M("a")]));

    [Fact]
    public void Ids_must_be_lower_case() =>
        Assert.Throws<InvalidOperationException>(() => new ModuleCatalog([new M("Billing")]));

    [Fact]
    public void The_kernel_id_is_reserved() =>
        Assert.Throws<InvalidOperationException>(() => new ModuleCatalog([new M(ModuleCatalog.KernelId)]));

    [Fact]
    public void Discovery_finds_the_modules_the_build_references()
    {
        var ids = ModuleDiscovery.FromDependencyContext().Select(m => m.Id).ToList();
        Assert.Contains("pages", ids);
        Assert.Contains("tenants", ids);
        Assert.Contains("notes", ids);
    }
}
