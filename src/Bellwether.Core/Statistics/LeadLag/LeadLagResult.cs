using Bellwether.Core.Statistics.Regression;

namespace Bellwether.Core.Statistics.LeadLag;

/// <summary>Which of two return series moves first, and by how much one moves with the other.</summary>
/// <param name="A">Id of the first series.</param>
/// <param name="B">Id of the second series.</param>
/// <param name="N">Aligned return rows.</param>
/// <param name="CrossCorrelations">Correlation at lags −k..k (positive lag: A leads B).</param>
/// <param name="LagSelection">The VAR order chosen by AIC up to the max lag.</param>
/// <param name="TestedLag">The lag of the headline Granger tests: the AIC order, or 1 when AIC picks 0.</param>
/// <param name="AToB">Granger test "A causes B" at the tested lag.</param>
/// <param name="BToA">Granger test "B causes A" at the tested lag.</param>
/// <param name="ByLag">Both tests at every lag 1..k, for inspection (A→B then B→A per lag).</param>
/// <param name="BetaOfBOnA">OLS of B's returns on A's (B = α + β·A).</param>
/// <param name="BetaOfAOnB">OLS of A's returns on B's.</param>
public sealed record LeadLagResult(
    string A, string B, int N, IReadOnlyList<LagCorrelation> CrossCorrelations, VarLagSelection LagSelection,
    int TestedLag,
    GrangerTest AToB, GrangerTest BToA, IReadOnlyList<GrangerTest> ByLag, OlsBeta BetaOfBOnA, OlsBeta BetaOfAOnB);
