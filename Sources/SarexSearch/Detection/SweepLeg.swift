import Foundation
import SarexGeo

/// One straight leg a search unit flies or steams at constant speed between two times.
public struct SweepLeg: Sendable, Hashable {
  public var start: GeoPoint
  public var end: GeoPoint
  public var startTime: Date
  public var endTime: Date

  public init(start: GeoPoint, end: GeoPoint, startTime: Date, endTime: Date) {
    self.start = start
    self.end = end
    self.startTime = startTime
    self.endTime = endTime
  }
}

/// What one search unit does in one sortie, as detection sees it: its legs in the order flown,
/// its sweep width for each search-object category (index = `ParticleSnapshot.categoryIndices`),
/// and the lateral range curve of its sensor.
public struct DetectionTrack: Sendable, Hashable {
  /// A name for errors and reports (call sign, sortie).
  public var name: String
  public var legs: [SweepLeg]
  /// Corrected sweep width per search-object category, metres (0: the unit cannot see it).
  public var sweepWidthsMetres: [Double]
  public var curve: LateralRangeCurve
  /// Along-track distance within which two closest approaches of this track to one particle are
  /// the same look (see `DetectionEvaluator`); `nil` uses the particle's sweep width.
  public var correlationLengthMetres: Double?

  /// - Throws: `DetectionError` when there are no legs, a leg runs backwards in time, a sweep
  ///   width is not positive or the curve's parameter is out of range.
  public init(
    name: String, legs: [SweepLeg], sweepWidthsMetres: [Double], curve: LateralRangeCurve,
    correlationLengthMetres: Double? = nil
  ) throws(DetectionError) {
    guard !legs.isEmpty else { throw .noLegs(track: name) }
    if let i = legs.firstIndex(where: { $0.endTime < $0.startTime }) {
      throw .legTimeReversed(track: name, leg: i)
    }
    guard !sweepWidthsMetres.isEmpty else {
      throw .invalidSweepWidth(track: name, index: 0, value: 0)
    }
    if let i = sweepWidthsMetres.firstIndex(where: { !($0 >= 0 && $0.isFinite) }) {
      throw .invalidSweepWidth(track: name, index: i, value: sweepWidthsMetres[i])
    }
    try curve.validate()
    self.name = name
    self.legs = legs
    self.sweepWidthsMetres = sweepWidthsMetres
    self.curve = curve
    self.correlationLengthMetres = correlationLengthMetres
  }
}
