namespace NasPlatform.Eda.Dataset;

/// <summary>Progress of a dataset build: samples done (this run and before), failed, total, and the last record.</summary>
public sealed record DatasetProgress(int Done, int Failed, int Total, int Resumed, SampleRecord Last, TimeSpan Elapsed);
