import Foundation
import SarexGeo

/// How positions spread around a seeding point or cone centre.
public enum RadiusDistribution: String, Sendable, CaseIterable {
  /// East and north offsets are independent normals; the radius is their standard deviation
  /// (OpenDrift's default `radius_type='gaussian'`).
  case gaussian
  /// Uniform over the disk of the given radius (OpenDrift's `radius_type='uniform'`).
  case uniformDisk
}

/// Where a scenario's particles start.
public enum SeedGeometry: Sendable {
  /// Around one position, radius in metres (1-sigma for `.gaussian`, disk radius for
  /// `.uniformDisk`).
  case point(GeoPoint, radiusMetres: Double, distribution: RadiusDistribution)
  /// Along the geodesic from `from` to `to` (as OpenDrift's `seed_cone`: points strictly between
  /// the ends, equally spaced), with a radius growing linearly from `startRadiusMetres` to
  /// `endRadiusMetres`; release times run through the release window in the same order. Equal
  /// radii of 0 give a line.
  case cone(
    from: GeoPoint, to: GeoPoint, startRadiusMetres: Double, endRadiusMetres: Double,
    distribution: RadiusDistribution)
  /// Uniformly over the area of a simple polygon (vertices in order, not repeated at the end).
  case polygon([GeoPoint])
}

/// A search-object class with its probability within a scenario.
public struct WeightedLeewayClass: Sendable {
  public var leewayClass: LeewayClass
  /// Relative weight; the scenario's class weights are normalised to sum to 1.
  public var weight: Double

  public init(_ leewayClass: LeewayClass, weight: Double = 1) {
    self.leewayClass = leewayClass
    self.weight = weight
  }
}

/// One hypothesis of what happened: where and when the object went into the water, what it is,
/// and how probable this hypothesis is against the others.
public struct SeedScenario: Sendable {
  /// Names the scenario in errors and outputs.
  public var name: String
  public var geometry: SeedGeometry
  /// First release time.
  public var releaseStart: Date
  /// Last release time; equal to `releaseStart` for an instantaneous release. Particles are
  /// released at equally spaced times from start to end (as OpenDrift does).
  public var releaseEnd: Date
  /// Number of particles of this scenario.
  public var particleCount: Int
  /// Relative weight of the scenario; the scenarios' weights are normalised to sum to 1.
  public var weight: Double
  /// The object classes and their weights within the scenario.
  public var objects: [WeightedLeewayClass]

  public init(
    name: String, geometry: SeedGeometry, releaseStart: Date, releaseEnd: Date? = nil,
    particleCount: Int, weight: Double = 1, objects: [WeightedLeewayClass]
  ) {
    self.name = name
    self.geometry = geometry
    self.releaseStart = releaseStart
    self.releaseEnd = releaseEnd ?? releaseStart
    self.particleCount = particleCount
    self.weight = weight
    self.objects = objects
  }

  /// A scenario of one object class.
  public init(
    name: String, geometry: SeedGeometry, releaseStart: Date, releaseEnd: Date? = nil,
    particleCount: Int, weight: Double = 1, objectClass: LeewayClass
  ) {
    self.init(
      name: name, geometry: geometry, releaseStart: releaseStart, releaseEnd: releaseEnd,
      particleCount: particleCount, weight: weight, objects: [WeightedLeewayClass(objectClass)])
  }
}
