namespace Sportello.KnowledgeBase;

/// <summary>Marker for the back-office editor's UI strings: Italian text is the key, Resources/KnowledgeBaseAdminStrings.en.resx the English.</summary>
public sealed class KnowledgeBaseAdminStrings;
