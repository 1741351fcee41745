namespace Sportello.Core.Storage;

/// <summary>A migration could not be applied; it was rolled back and the versions before it stay applied.</summary>
public sealed class MigrationFailedException(string owner, long version, string migration, Exception inner)
    : Exception($"La migrazione {version} ({migration}) del modulo '{owner}' non è riuscita ed è stata annullata: {inner.Message}", inner)
{
    public string Owner { get; } = owner;
    public long Version { get; } = version;
    public string Migration { get; } = migration;
}
