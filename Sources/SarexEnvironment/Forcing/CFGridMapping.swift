import Foundation

/// Turns a CF `grid_mapping` variable into a definition PROJ accepts.
///
/// Order of preference, as pyproj's `CRS.from_cf` (used by OpenDrift) and then OpenDrift's own
/// fallback: a `crs_wkt` (or `spatial_ref`) attribute; the CF parameters of
/// polar_stereographic, lambert_conformal_conic or mercator; a `proj4`, `proj4_string` or
/// `proj4text` attribute.
enum CFGridMapping {
  /// The CF name when the mapping is plain longitude/latitude (no projection needed).
  static let geographicNames: Set<String> = ["latitude_longitude"]

  static func projDefinition(file: NetCDFFile, mapping: NetCDFVariable) throws -> String? {
    for name in ["crs_wkt", "spatial_ref"] {
      if let wkt = try file.text(attribute: name, of: mapping), !wkt.isEmpty { return wkt }
    }
    if let name = try file.text(attribute: "grid_mapping_name", of: mapping),
      let definition = try parameters(name: name, file: file, mapping: mapping)
    {
      return definition
    }
    for name in ["proj4", "proj4_string", "proj4text"] {
      if let text = try file.text(attribute: name, of: mapping), !text.isEmpty { return text }
    }
    return nil
  }

  private static func parameters(name: String, file: NetCDFFile, mapping: NetCDFVariable) throws
    -> String?
  {
    func value(_ attribute: String) throws -> Double? {
      try file.number(attribute: attribute, of: mapping)
    }
    func values(_ attribute: String) throws -> [Double]? {
      try file.numbers(attribute: attribute, of: mapping)
    }
    var parts: [String]
    switch name {
    case "polar_stereographic":
      guard let lat0 = try value("latitude_of_projection_origin"),
        let lon0 = try value("straight_vertical_longitude_from_pole")
          ?? value("longitude_of_projection_origin")
      else { return nil }
      parts = ["+proj=stere", "+lat_0=\(lat0)", "+lon_0=\(lon0)"]
      if let standard = try value("standard_parallel") {
        parts.append("+lat_ts=\(standard)")
      } else if let k = try value("scale_factor_at_projection_origin") {
        parts.append("+k_0=\(k)")
      }
    case "lambert_conformal_conic":
      guard let parallels = try values("standard_parallel"), !parallels.isEmpty,
        let lon0 = try value("longitude_of_central_meridian")
      else { return nil }
      let lat0 = try value("latitude_of_projection_origin") ?? parallels[0]
      parts = [
        "+proj=lcc", "+lat_0=\(lat0)", "+lon_0=\(lon0)", "+lat_1=\(parallels[0])",
        "+lat_2=\(parallels.count > 1 ? parallels[1] : parallels[0])",
      ]
    case "mercator":
      let lon0 = try value("longitude_of_projection_origin") ?? 0
      parts = ["+proj=merc", "+lon_0=\(lon0)"]
      if let standard = try value("standard_parallel") {
        parts.append("+lat_ts=\(standard)")
      } else if let k = try value("scale_factor_at_projection_origin") {
        parts.append("+k_0=\(k)")
      }
    default:
      return nil
    }
    parts.append("+x_0=\(try value("false_easting") ?? 0)")
    parts.append("+y_0=\(try value("false_northing") ?? 0)")
    if let radius = try value("earth_radius") {
      parts.append("+R=\(radius)")
    } else if let a = try value("semi_major_axis") {
      if let b = try value("semi_minor_axis") {
        parts += ["+a=\(a)", "+b=\(b)"]
      } else if let rf = try value("inverse_flattening"), rf != 0 {
        parts += ["+a=\(a)", "+rf=\(rf)"]
      } else {
        parts.append("+R=\(a)")
      }
    } else {
      parts.append("+ellps=WGS84")
    }
    parts += ["+units=m", "+no_defs"]
    return parts.joined(separator: " ")
  }
}
