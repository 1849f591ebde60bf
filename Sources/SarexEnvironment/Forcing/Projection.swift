import CProj
import Foundation
import SarexGeo

/// A map projection from PROJ, used at load time only (never per particle per step).
///
/// Converts between geographic longitude/latitude in degrees on the projection's own datum and
/// projected x/y in metres. No datum shift is applied: like `pyproj.Proj(...)`, the projection
/// is applied to the coordinates as given, which is what OpenDrift does with forcing grids.
/// Owns its own PROJ context, so separate instances may be used on separate threads.
final class Projection {
  let definition: String
  private let context: OpaquePointer
  private let transform: OpaquePointer

  /// `definition` is a PROJ string ("+proj=stere ..."), WKT, or an authority code.
  init(definition: String, path: String) throws(ForcingError) {
    self.definition = definition
    guard let ctx = proj_context_create() else {
      throw .projection(path: path, definition: definition, reason: "cannot create a PROJ context")
    }
    context = ctx
    let crsText =
      definition.hasPrefix("+") && !definition.contains("+type=crs")
      ? definition + " +type=crs" : definition
    func failure(_ what: String) -> ForcingError {
      let code = proj_context_errno(ctx)
      let message =
        proj_context_errno_string(ctx, code).map { String(cString: $0) } ?? "unknown error"
      return .projection(path: path, definition: definition, reason: "\(what): \(message)")
    }
    guard let crs = proj_create(ctx, crsText) else {
      let error = failure("PROJ does not accept it")
      proj_context_destroy(ctx)
      throw error
    }
    defer { proj_destroy(crs) }
    guard let geographic = proj_crs_get_geodetic_crs(ctx, crs) else {
      let error = failure("it is not a projected coordinate reference system")
      proj_context_destroy(ctx)
      throw error
    }
    defer { proj_destroy(geographic) }
    guard let operation = proj_create_crs_to_crs_from_pj(ctx, geographic, crs, nil, nil),
      let normalized = proj_normalize_for_visualization(ctx, operation)
    else {
      let error = failure("no transformation from its geographic coordinates")
      proj_context_destroy(ctx)
      throw error
    }
    proj_destroy(operation)
    transform = normalized
  }

  deinit {
    proj_destroy(transform)
    proj_context_destroy(context)
  }

  /// Longitude/latitude (degrees) to x/y (metres), in place. Failed points become NaN.
  func forward(_ a: inout [Double], _ b: inout [Double]) {
    run(PJ_FWD, &a, &b)
  }

  /// x/y (metres) to longitude/latitude (degrees), in place. Failed points become NaN.
  func inverse(_ a: inout [Double], _ b: inout [Double]) {
    run(PJ_INV, &a, &b)
  }

  private func run(_ direction: PJ_DIRECTION, _ a: inout [Double], _ b: inout [Double]) {
    let n = min(a.count, b.count)
    guard n > 0 else { return }
    let stride = MemoryLayout<Double>.stride
    a.withUnsafeMutableBufferPointer { ap in
      b.withUnsafeMutableBufferPointer { bp in
        _ = proj_trans_generic(
          transform, direction, ap.baseAddress, stride, n, bp.baseAddress, stride, n, nil, 0, 0,
          nil, 0, 0)
      }
    }
    for k in 0..<n where !a[k].isFinite || !b[k].isFinite || abs(a[k]) > 1e30 || abs(b[k]) > 1e30 {
      a[k] = .nan
      b[k] = .nan
    }
  }
}

/// Geodesics on the WGS 84 ellipsoid (PROJ's geodesic.h, after Karney 2013).
enum WGS84Geodesic {
  /// Forward azimuth (degrees clockwise from north) of the geodesic from point 1 to point 2.
  static func azimuthDegrees(lon1: Double, lat1: Double, lon2: Double, lat2: Double) -> Double {
    var distance = 0.0
    var azi1 = 0.0
    var azi2 = 0.0
    withUnsafePointer(to: ellipsoid) {
      geod_inverse($0, lat1, lon1, lat2, lon2, &distance, &azi1, &azi2)
    }
    return azi1
  }

  /// The ellipsoid's constants, computed once (the lookup tables ask for an azimuth per node).
  private static let ellipsoid: geod_geodesic = {
    var g = geod_geodesic()
    geod_init(&g, Ellipsoid.wgs84.a, Ellipsoid.wgs84.f)
    return g
  }()
}
