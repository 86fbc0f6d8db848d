using Microsoft.Extensions.DependencyInjection;
using Orleans.Clustering.Redis;

namespace NasPlatform.Distributed.Hosting;

/// <summary>What the cluster's membership table (in Redis) says of one worker silo.</summary>
internal enum MembershipState
{
    /// <summary>The table lists this silo, and is not older than what the silo has seen.</summary>
    Listed,

    /// <summary>The table could not be read (Redis down, frozen or unreachable): nothing to conclude.</summary>
    Unreachable,

    /// <summary>Redis answered without this silo: its data was lost (a restart without persistence, a flush) or went back in time.</summary>
    Lost,
}

/// <summary>
/// Reads the membership table through the silo's own provider and tells whether the silo is still in it.
/// Orleans has no way back for a silo whose row disappeared: it keeps its old view, ignores a table whose
/// version went back, and neither coordinators nor new workers can find it any more. The worker's
/// supervisor rejoins as a new silo when this says <see cref="MembershipState.Lost"/>.
/// </summary>
internal static class MembershipCheck
{
    /// <summary>A read that takes longer counts as <see cref="MembershipState.Unreachable"/>.</summary>
    private static readonly TimeSpan ReadLimit = TimeSpan.FromSeconds(3);

    /// <returns>The state and, for <see cref="MembershipState.Lost"/>, why.</returns>
    public static async Task<(MembershipState State, string Why)> CheckAsync(IServiceProvider silo, CancellationToken cancellationToken)
    {
        var table = silo.GetRequiredService<IMembershipTable>();
        var me = silo.GetRequiredService<ILocalSiloDetails>().SiloAddress;
        var seen = silo.GetRequiredService<IClusterMembershipService>().CurrentSnapshot.Version.Value;
        MembershipTableData data;
        try
        {
            data = await table.ReadAllAsync(cancellationToken).WaitAsync(ReadLimit, cancellationToken).ConfigureAwait(false);
        }
        catch (RedisClusteringException e)
        {
            // Redis answered, but the table itself (its version row) is gone.
            return (MembershipState.Lost, $"the membership table is gone ({e.Message})");
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            return (MembershipState.Unreachable, string.Empty);
        }

        if (!data.Members.Any(m => m.Item1.SiloAddress.Equals(me)))
        {
            return (MembershipState.Lost, $"the membership table no longer lists this worker (silo {me})");
        }

        return data.Version.Version < seen
            ? (MembershipState.Lost, $"the membership table went back from version {seen} to {data.Version.Version}")
            : (MembershipState.Listed, string.Empty);
    }
}
