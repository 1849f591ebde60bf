import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// A parsed XML element, for checking the GPX and KML writers by reading their output back with
/// Foundation's XMLParser (FoundationXML on Linux), namespace-aware.
final class ParsedElement {
  let name: String
  let namespace: String?
  let attributes: [String: String]
  var children: [ParsedElement] = []
  var text = ""

  init(name: String, namespace: String?, attributes: [String: String]) {
    self.name = name
    self.namespace = namespace
    self.attributes = attributes
  }

  func child(_ name: String) -> ParsedElement? { children.first { $0.name == name } }
  func all(_ name: String) -> [ParsedElement] { children.filter { $0.name == name } }

  /// Parses `xml`; nil with the parser's error when it is not well-formed.
  static func parse(_ xml: String) -> Result<ParsedElement, Error> {
    let parser = XMLParser(data: Data(xml.utf8))
    parser.shouldProcessNamespaces = true
    let builder = Builder()
    parser.delegate = builder
    guard parser.parse(), let root = builder.root else {
      return .failure(parser.parserError ?? CocoaError(.coderReadCorrupt))
    }
    return .success(root)
  }

  private final class Builder: NSObject, XMLParserDelegate {
    var root: ParsedElement?
    var stack: [ParsedElement] = []

    func parser(
      _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
      qualifiedName: String?, attributes: [String: String]
    ) {
      let element = ParsedElement(
        name: elementName, namespace: namespaceURI, attributes: attributes)
      if let parent = stack.last { parent.children.append(element) } else { root = element }
      stack.append(element)
    }

    func parser(
      _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
      qualifiedName: String?
    ) {
      stack.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
      stack.last?.text += string
    }
  }
}
