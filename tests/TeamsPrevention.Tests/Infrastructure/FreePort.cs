using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace TeamsPrevention.Tests.Infrastructure;

public static class FreePort
{
    // Below Linux's ephemeral range (32768–60999): outgoing connections and programs that ask the OS for "any port"
    // (the Playground's fallback, for one) never take a port between our choice and our bind.
    private const int First = 20000;
    private const int Last = 32000;
    private static readonly ConcurrentDictionary<int, bool> HandedOut = new();

    /// <summary>A TCP port free on loopback right now, never handed out before in this process.</summary>
    public static int Next()
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var port = Random.Shared.Next(First, Last);
            if (!HandedOut.TryAdd(port, true))
            {
                continue;
            }

            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // Taken by another process: try another.
            }
        }

        throw new InvalidOperationException($"No free loopback port between {First} and {Last}.");
    }
}
