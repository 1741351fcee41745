using Sportello.Core.Text;

namespace Sportello.Core.Audit;

/// <summary>An action a module writes to the audit log, with the words the log's pages and exports show for it.</summary>
public sealed record AuditAction(string Key, LocalizedText Text);
