/// Bayes' rule for an unsuccessful search over cells (IAMSAR Manual Vol II, "updating POC after an
/// unsuccessful search"; Stone, Theory of Optimal Search, 2nd ed. 1989, ch. 1).
///
/// The object is in cell i with prior probability POC_i; a search with POD_i in cell i failed. Then
/// POC_i' = POC_i (1 - POD_i) / (1 - sum_j POC_j POD_j). The particle form is
/// `ParticleSnapshot.applyUnsuccessfulSearch(pod:)`; this is the same rule on aggregated cells.
public enum BayesUpdate {
  /// Posterior POC of each cell after an unsuccessful search.
  /// - Throws: `ProbabilityError` if the arrays differ in length, a value is not a probability,
  ///   or the search was certain to succeed (the posterior is undefined).
  public static func posteriorPOC(poc: [Double], pod: [Double]) throws(ProbabilityError)
    -> [Double]
  {
    guard poc.count == pod.count else {
      throw .countMismatch(field: "pod", expected: poc.count, actual: pod.count)
    }
    for (name, values) in [("poc", poc), ("pod", pod)] {
      if let i = values.firstIndex(where: { !($0 >= 0 && $0 <= 1) }) {
        throw .invalidValue(field: name, index: i, value: values[i], expected: "a probability")
      }
    }
    var miss = 0.0
    var posterior = [Double](repeating: 0, count: poc.count)
    for i in poc.indices {
      posterior[i] = poc[i] * (1 - pod[i])
      miss += posterior[i]
    }
    guard miss > 0 else { throw .emptyEnsemble }
    return posterior.map { $0 / miss }
  }
}
