/// Draws one particle's Leeway coefficients as OpenDrift's Leeway model does at seeding
/// (Breivik and Allen 2008): the class means plus one normal perturbation per component.
///
/// Downwind: `epsilon = N(0,1) * std`, redrawn while `slope + epsilon / 20 < 0` (a particle must
/// not drift against the wind). Crosswind: orientation 0 takes the positive row, 1 the negative
/// row, with `epsilon = N(0,1) * std` of that row. The leeway is then
/// `(slope + epsilon / 20) * U10 + offset + epsilon / 2` (SI: slope dimensionless, the rest m/s).
struct LeewayPerturbation {
  var downwindSlope: Double
  var downwindOffset: Double
  var downwindEpsilon: Double
  var crosswindSlope: Double
  var crosswindOffset: Double
  var crosswindEpsilon: Double

  /// At most this many redraws of a downwind perturbation; then the slope is held at zero.
  static let maximumRedraws: UInt64 = 1000

  init(leewayClass c: LeewayClass, orientation: UInt8, random: CounterRandom, particle: Int) {
    downwindSlope = c.downwind.slope
    downwindOffset = c.downwind.offset
    var eps = 0.0
    var attempt: UInt64 = 0
    repeat {
      eps =
        random.gaussian(particle: particle, stream: .downwindPerturbation, counter: attempt)
        * c.downwind.std
      attempt += 1
    } while downwindSlope + eps / 20 < 0 && attempt < LeewayPerturbation.maximumRedraws
    if downwindSlope + eps / 20 < 0 { eps = -20 * downwindSlope }
    downwindEpsilon = eps
    let row = orientation == 0 ? c.crosswindPositive : c.crosswindNegative
    crosswindSlope = row.slope
    crosswindOffset = row.offset
    crosswindEpsilon =
      random.gaussian(particle: particle, stream: .crosswindPerturbation) * row.std
  }
}
