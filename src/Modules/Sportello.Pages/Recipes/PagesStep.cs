using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sportello.Core.Events;
using Sportello.Core.Recipes;
using Sportello.Core.Validation;
using Sportello.Pages.Data;
using Sportello.Pages.Domain;

namespace Sportello.Pages.Recipes;

public sealed record PagesStepModel
{
    public required HomeStepModel Home { get; init; }
}

public sealed record HomeStepModel
{
    public required string Headline { get; init; }
    public required string Intro { get; init; }
}

/// <summary>"pages": sets the home page's welcome text; leaves it alone when it already says the same.</summary>
public sealed class PagesStep(TimeProvider time) : RecipeStep<PagesStepModel>
{
    public override string Name => "pages";
    public override string ModuleId => PagesModule.ModuleId;

    protected override IEnumerable<ValidationProblem> Validate(PagesStepModel step, RecipePlan plan)
    {
        if (string.IsNullOrWhiteSpace(step.Home.Headline) || step.Home.Headline.Length > HomeContent.MaxHeadline)
        {
            yield return new("$.home.headline", $"Il titolo è obbligatorio e può avere al massimo {HomeContent.MaxHeadline} caratteri.");
        }

        if (step.Home.Intro.Length > HomeContent.MaxIntro)
        {
            yield return new("$.home.intro", $"Il testo di benvenuto può avere al massimo {HomeContent.MaxIntro} caratteri.");
        }
    }

    protected override async Task ExecuteAsync(PagesStepModel step, RecipeStepContext context, CancellationToken ct)
    {
        var db = context.Services.GetRequiredService<PagesDbContext>();
        var home = await db.Home.SingleOrDefaultAsync(h => h.Id == HomeContent.SingletonId, ct);
        if (home is not null && home.Headline == step.Home.Headline && home.Intro == step.Home.Intro)
        {
            return;
        }

        if (home is null)
        {
            home = new HomeContent { Headline = step.Home.Headline, Intro = step.Home.Intro };
            db.Home.Add(home);
        }

        home.Headline = step.Home.Headline;
        home.Intro = step.Home.Intro;
        home.UpdatedUtc = time.GetUtcNow().UtcDateTime;
        db.Raise(new HomeContentChanged(home.Headline));
        await db.SaveChangesAsync(ct);
    }
}
