import CNetCDF
import Foundation

extension NetCDFFile {
  /// Names of the attributes of `variable` (`nil`: global attributes).
  public func attributeNames(of variable: NetCDFVariable?) throws(NetCDFError) -> [String] {
    let id = ncid
    let varID = variable?.id ?? NC_GLOBAL
    var count: Int32 = 0
    try check(
      withNetCDF { nc_inq_varnatts(id, varID, &count) }, "nc_inq_varnatts", variable: variable?.name
    )
    var names: [String] = []
    for index in 0..<count {
      var name = [CChar](repeating: 0, count: Int(NC_MAX_NAME) + 1)
      try check(
        withNetCDF { nc_inq_attname(id, varID, index, &name) }, "nc_inq_attname",
        variable: variable?.name)
      names.append(
        String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }
    return names
  }

  /// The external type (`NC_*`) and length of an attribute, or `nil` when it is absent.
  public func attributeInfo(_ name: String, of variable: NetCDFVariable?) throws(NetCDFError) -> (
    type: Int32, length: Int
  )? {
    // Look the name up in the list first: asking HDF5 for an absent attribute of a file with
    // dense attribute storage makes it print a diagnostic stack on stderr.
    guard try attributeNames(of: variable).contains(name) else { return nil }
    let id = ncid
    let varID = variable?.id ?? NC_GLOBAL
    var type: nc_type = 0
    var length = 0
    let status = withNetCDF { nc_inq_att(id, varID, name, &type, &length) }
    if status == NC_ENOTATT { return nil }
    try check(status, "nc_inq_att(\(name))", variable: variable?.name)
    return (type, length)
  }

  /// A text attribute (`NC_CHAR` or `NC_STRING`), or `nil` when absent or not text.
  public func text(attribute name: String, of variable: NetCDFVariable?) throws(NetCDFError)
    -> String?
  {
    guard let info = try attributeInfo(name, of: variable) else { return nil }
    let id = ncid
    let varID = variable?.id ?? NC_GLOBAL
    if info.type == NC_CHAR {
      var bytes = [CChar](repeating: 0, count: info.length + 1)
      try check(
        withNetCDF { nc_get_att_text(id, varID, name, &bytes) }, "nc_get_att_text(\(name))",
        variable: variable?.name)
      let utf8 = bytes.prefix(info.length).prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
      return String(decoding: utf8, as: UTF8.self)
    }
    if info.type == NC_STRING, info.length > 0 {
      var pointers = [UnsafeMutablePointer<CChar>?](repeating: nil, count: info.length)
      try check(
        withNetCDF { nc_get_att_string(id, varID, name, &pointers) }, "nc_get_att_string(\(name))",
        variable: variable?.name)
      let strings = pointers.map { $0.map { String(cString: $0) } ?? "" }
      _ = withNetCDF { nc_free_string(info.length, &pointers) }
      return strings.joined(separator: "\n")
    }
    return nil
  }

  /// A numeric attribute converted to Double, or `nil` when absent or text.
  public func numbers(attribute name: String, of variable: NetCDFVariable?) throws(NetCDFError)
    -> [Double]?
  {
    guard let info = try attributeInfo(name, of: variable) else { return nil }
    guard info.type != NC_CHAR, info.type != NC_STRING, info.length > 0 else { return nil }
    let id = ncid
    let varID = variable?.id ?? NC_GLOBAL
    var values = [Double](repeating: 0, count: info.length)
    try check(
      withNetCDF { nc_get_att_double(id, varID, name, &values) }, "nc_get_att_double(\(name))",
      variable: variable?.name)
    return values
  }

  /// The first value of a numeric attribute, or `nil`.
  public func number(attribute name: String, of variable: NetCDFVariable?) throws(NetCDFError)
    -> Double?
  {
    try numbers(attribute: name, of: variable)?.first
  }
}
