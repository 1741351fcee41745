using Sportello.Core.Recipes;

namespace Sportello.Core.Tests.Recipes;

public class RecipeLoaderTests
{
    [Fact]
    public void Malformed_json_names_the_line()
    {
        var ex = Assert.Throws<RecipeException>(() => RecipeLoader.Parse("{\n  \"name\": \"x\",\n  \"steps\": [ { \"step\": \"tenant\" \n ]\n}", "bad.json"));
        Assert.Contains("riga 4", ex.Problems.Single().Message);
    }

    [Fact]
    public void A_recipe_needs_a_name_and_steps()
    {
        var ex = Assert.Throws<RecipeException>(() => RecipeLoader.Parse("{}", "empty.json"));
        Assert.Contains(ex.Problems, p => p.Path == "$.name");
        Assert.Contains(ex.Problems, p => p.Path == "$.steps");
    }

    [Fact]
    public void Unknown_top_level_properties_and_wrong_types_are_reported()
    {
        var ex = Assert.Throws<RecipeException>(() => RecipeLoader.Parse("""{ "name": "x", "displayName": 3, "stepz": [], "steps": [] }""", "odd.json"));
        Assert.Contains(ex.Problems, p => p.Path == "$.displayName");
        Assert.Contains(ex.Problems, p => p.Path == "$.stepz" && p.Message.Contains("sconosciuta"));
    }

    [Fact]
    public void The_tenant_a_recipe_targets_is_read_from_its_tenant_step() =>
        Assert.Equal("demo", RecipeLoader.Parse("""{ "name": "x", "steps": [ { "step": "tenant", "name": "demo" } ] }""", "r").TenantName);

    [Fact]
    public void Shipped_recipes_parse()
    {
        var folder = RecipeFolder.Resolve("recipes");
        var files = Directory.GetFiles(folder, "*.recipe.json");
        Assert.Contains(files, f => f.EndsWith("default.recipe.json", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("reseller-demo.recipe.json", StringComparison.Ordinal));
        foreach (var file in files)
        {
            Assert.NotEmpty(RecipeLoader.LoadFile(file).Steps);
        }
    }
}
