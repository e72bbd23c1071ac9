using TeamsPrevention.Sandbox.Tenant;

namespace TeamsPrevention.Tests.Directory;

/// <summary>Object ids of the demo personas the App's directory seeds (the same as the sandbox tenant's).</summary>
internal static class DemoPeople
{
    public static string Chair => Oid("Chair");

    public static string Coordinator => Oid("Coordinator");

    public static string Referent => Oid("Referent");

    public static string PoliceReferent => Oid("PoliceReferent");

    public static string Dpo => Oid("Dpo");

    public static string Admin => Oid("Admin");

    /// <summary>The first partner persona.</summary>
    public static string Partner => Oid("Partner");

    private static string Oid(string role) => DemoTenant.Personas.First(p => p.Role == role).ObjectId;
}
