namespace Sportello.KnowledgeBase.Content;

/// <summary>An entry of a guide's table of contents: a level-2 or level-3 heading and its anchor.</summary>
public sealed record TocEntry(int Level, string Anchor, string Text);

/// <summary>A guide's body as safe HTML, with its table of contents.</summary>
public sealed record RenderedArticle(string Html, IReadOnlyList<TocEntry> Toc);
