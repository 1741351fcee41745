namespace Sportello.KnowledgeBase;

/// <summary>Marker for the module's UI strings: Italian text is the key, Resources/KnowledgeBaseStrings.en.resx the English.</summary>
public sealed class KnowledgeBaseStrings;
