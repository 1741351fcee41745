namespace Sportello.Pages.Domain;

/// <summary>The welcome text of a tenant's home page; one row per tenant store.</summary>
public sealed class HomeContent
{
    public const int SingletonId = 1;
    public const int MaxHeadline = 150;
    public const int MaxIntro = 2000;

    public int Id { get; set; } = SingletonId;
    public required string Headline { get; set; }
    public required string Intro { get; set; }
    public DateTime UpdatedUtc { get; set; }
}
