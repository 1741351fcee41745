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
