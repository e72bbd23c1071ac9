namespace TeamsPrevention.App.Data;

public static class DataExtensions
{
    public static IHostApplicationBuilder AddData(this IHostApplicationBuilder builder) => builder;

}
