"""An XSD for each year, generated from ``schema.py`` (csww-census.md §12 "Validator", layer 1).

The output follows the open encodings' shape (named simple types, sequences in schema order)
with the corrected SWE pattern (§3). It is for checking our own files in tests and tooling;
the product's validator is ``rules``, which reports in plain English.
"""

from __future__ import annotations

from workforce_health.census.safexml import etree
from workforce_health.census.schema import Node, SimpleType, schema_for

XS = "http://www.w3.org/2001/XMLSchema"


def _xs(parent: etree._Element | None, tag: str, **attrs: str) -> etree._Element:
    name = f"{{{XS}}}{tag}"
    if parent is None:
        return etree.Element(name, attrs, nsmap={"xs": XS})
    return etree.SubElement(parent, name, attrs)


def _simple_types(node: Node, found: dict[str, SimpleType]) -> None:
    if node.type is not None and not node.type.is_builtin:
        found.setdefault(node.type.name, node.type)
    for child in node.children:
        _simple_types(child, found)


def _simple_type(root: etree._Element, t: SimpleType) -> None:
    restriction = _xs(_xs(root, "simpleType", name=t.name), "restriction", base=f"xs:{t.base}")
    if t.min_length is not None and not t.codes and not t.pattern:
        _xs(restriction, "minLength", value=str(t.min_length))
    if t.fraction_digits is not None:
        _xs(restriction, "fractionDigits", value=str(t.fraction_digits))
    if t.minimum is not None:
        _xs(restriction, "minInclusive", value=str(t.minimum))
    if t.maximum is not None:
        _xs(restriction, "maxInclusive", value=str(t.maximum))
    if t.pattern:
        _xs(restriction, "pattern", value=t.pattern)
    for code, label in t.codes:
        _xs(
            _xs(_xs(restriction, "enumeration", value=code), "annotation"), "documentation"
        ).text = label


def _element(parent: etree._Element, node: Node) -> None:
    attrs = {"name": node.name}
    if node.min_occurs != 1:
        attrs["minOccurs"] = str(node.min_occurs)
    if node.max_occurs != 1:
        attrs["maxOccurs"] = "unbounded" if node.max_occurs is None else str(node.max_occurs)
    if node.type is not None:
        attrs["type"] = node.type.name
        _xs(parent, "element", **attrs)
        return
    sequence = _xs(_xs(_xs(parent, "element", **attrs), "complexType"), "sequence")
    for child in node.children:
        _element(sequence, child)


def xsd_for(year: int) -> str:
    """The XSD text for collection ``year``."""
    schema = schema_for(year)
    root = _xs(None, "schema", elementFormDefault="qualified")
    types: dict[str, SimpleType] = {}
    _simple_types(schema.message, types)
    for simple in types.values():
        _simple_type(root, simple)
    _element(root, schema.message)
    return etree.tostring(root, pretty_print=True, encoding="unicode")


def xml_schema(year: int) -> etree.XMLSchema:
    """``xsd_for(year)`` compiled by lxml (parsed safely: no network, no entities)."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    return etree.XMLSchema(etree.fromstring(xsd_for(year).encode(), parser))
