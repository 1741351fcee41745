using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Sportello.Core.Hosting;
using Sportello.Core.Validation;

namespace Sportello.Core.Security;

/// <summary>
/// Connections whose target a tenant chooses (its SMTP server today; webhooks and callbacks later) reach only
/// public addresses: never loopback, link-local, private, carrier-grade NAT or multicast ranges, which would let a
/// tenant probe the platform's own network. The name is resolved once and the connection goes to the address that
/// was checked, so a DNS answer that changes in between (rebinding) cannot slip through. Networks listed in
/// <c>Sportello:Outbound:AllowedInternalNetworks</c> are let through, for a platform whose relay lives inside.
/// </summary>
public sealed class OutboundAddresses(IOptions<SportelloOptions> options)
{
    private static readonly IPNetwork[] Internal =
    [
        IPNetwork.Parse("0.0.0.0/8"), IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("100.64.0.0/10"), IPNetwork.Parse("127.0.0.0/8"),
        IPNetwork.Parse("169.254.0.0/16"), IPNetwork.Parse("172.16.0.0/12"), IPNetwork.Parse("192.0.0.0/24"), IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("198.18.0.0/15"), IPNetwork.Parse("224.0.0.0/4"), IPNetwork.Parse("240.0.0.0/4"),
        IPNetwork.Parse("::/128"), IPNetwork.Parse("::1/128"), IPNetwork.Parse("fc00::/7"), IPNetwork.Parse("fe80::/10"), IPNetwork.Parse("fec0::/10"), IPNetwork.Parse("ff00::/8"),
    ];

    private readonly IPNetwork[] _allowed = options.Value.Outbound.AllowedInternalNetworks.Select(IPNetwork.Parse).ToArray();

    public static bool IsInternal(IPAddress address)
    {
        var plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return Internal.Any(n => n.Contains(plain));
    }

    /// <summary>The public addresses of <paramref name="host"/>; a refusal naming the field when it has none or names an internal one.</summary>
    public async Task<IPAddress[]> ResolveAsync(string host, string field, CancellationToken ct)
    {
        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
        }
        catch (SocketException)
        {
            throw new SportelloValidationException(field, $"Il nome «{host}» non esiste: controlla di averlo scritto bene.");
        }

        var refused = addresses.FirstOrDefault(a => IsInternal(a) && !_allowed.Any(n => n.Contains(a.IsIPv4MappedToIPv6 ? a.MapToIPv4() : a)));
        if (addresses.Length == 0 || refused is not null)
        {
            throw new SportelloValidationException(field,
                $"«{host}» porta a un indirizzo di una rete interna ({refused}): per sicurezza si possono usare solo server raggiungibili da Internet.");
        }

        return addresses;
    }

    /// <summary>A connected socket to <paramref name="host"/>, at one of the addresses that passed the check.</summary>
    public async Task<Socket> ConnectAsync(string host, int port, string field, CancellationToken ct)
    {
        var addresses = await ResolveAsync(host, field, ct);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(addresses, port, ct);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
