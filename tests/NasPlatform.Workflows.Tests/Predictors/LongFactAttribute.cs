namespace NasPlatform.Workflows.Tests.Predictors;

/// <summary>
/// A test that takes minutes. It carries the trait Category=Long, which ./test.sh leaves out of the
/// default run (it is not skipped: it is not run) and includes with NASPLATFORM_LONG_TESTS=1.
/// </summary>
[Xunit.Sdk.TraitDiscoverer("NasPlatform.Workflows.Tests.Predictors.LongTraitDiscoverer", "NasPlatform.Workflows.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class LongFactAttribute : FactAttribute, Xunit.Sdk.ITraitAttribute
{
}
