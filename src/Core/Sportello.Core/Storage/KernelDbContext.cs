using Microsoft.EntityFrameworkCore;

namespace Sportello.Core.Storage;

/// <summary>The kernel's view of a tenant store: just the outbox.</summary>
public sealed class KernelDbContext(DbContextOptions<KernelDbContext> options) : TenantDbContext(options);
