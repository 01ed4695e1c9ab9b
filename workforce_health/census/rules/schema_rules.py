"""§9.1 schema-level rules: structure, order, occurrence, types, codes, decimals, ranges, patterns.

These are what an XSD validator would report for the year's layout (csww-census.md §§2-6, §3),
written as separate rules so each message can be specific and each has its own test.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal

from workforce_health.census import values
from workforce_health.census.records import RawElement
from workforce_health.census.rules.base import Context, Issue, Severity, return_rule
from workforce_health.census.rules.tree import block_rule, leaves, quoted
from workforce_health.census.schema import COUNCIL_BLOCK_NAMES, LEA, SWE, Base, Node

ERROR, WARNING = Severity.ERROR, Severity.WARNING
_WORKER = "CSWWWorker"


def _rank(name: str) -> int | None:
    if name == "Header":
        return 0
    if name in COUNCIL_BLOCK_NAMES:
        return 1
    return 2 if name == _WORKER else None


@return_rule("S01", ERROR, "9.1", "Message has Header, council block and workers, in order")
def message_structure(ctx: Context) -> Iterator[Issue]:
    src, expected = ctx.source, ctx.schema.council.name
    if src.root_name != ctx.schema.root_name:
        yield Issue(f"The file starts with {src.root_name}; a census file starts with Message.")
    names = Counter(name for name, _ in src.structure)
    if names["Header"] > 1:
        yield Issue(f"Header appears {names['Header']} times; it may appear once.", "Header")
    councils = [(n, line) for n, line in src.structure if n in COUNCIL_BLOCK_NAMES]
    if not councils:
        yield Issue(f"The council-level block ({expected}) is missing.", expected)
    elif len(councils) > 1:
        yield Issue(f"The council-level block appears {len(councils)} times.", expected)
    for name, line in councils:
        if name != expected:
            yield Issue(
                f"The council-level block is called {name}, but {ctx.year} returns use {expected}.",
                name,
                line,
            )
    if not names[_WORKER]:
        yield Issue("The file has no CSWWWorker records.", _WORKER)
    highest, after = -1, ""
    for name, line in src.structure:
        rank = _rank(name)
        if rank is None:
            continue
        if rank < highest:
            yield Issue(f"{name} must come before {after}.", name, line)
        elif rank > highest:
            highest, after = rank, name


@block_rule("S02", ERROR, "Elements in schema order", each="container")
def element_order(node: Node, raw: RawElement) -> Iterator[Issue]:
    previous, after = -1, ""  # compared with the previous known element: one finding per move
    for child in raw.children:
        position = node.position(child.name)
        if position is None:
            continue
        if position < previous:
            yield Issue(
                f"{child.name} is out of order: it must come before {after}.",
                child.name,
                child.line,
            )
        previous, after = position, child.name


@block_rule(
    "S03", ERROR, "Required elements present, none repeated beyond the limit", each="container"
)
def occurrence(node: Node, raw: RawElement) -> Iterator[Issue]:
    seen = Counter(c.name for c in raw.children)
    for spec in node.children:
        count = seen[spec.name]
        if count < spec.min_occurs:
            yield Issue(f"{spec.name} is missing from {node.name}.", spec.name, raw.line)
        if spec.max_occurs is not None and count > spec.max_occurs:
            extra = list(raw.find_all(spec.name))[spec.max_occurs]
            yield Issue(
                f"{spec.name} appears {count} times in {node.name}; at most "
                f"{spec.max_occurs} allowed.",
                spec.name,
                extra.line,
            )


@block_rule("S04", WARNING, "Unknown elements are ignored", each="container")
def unknown_elements(node: Node, raw: RawElement) -> Iterator[Issue]:
    for child in raw.children:
        if node.child(child.name) is None:
            yield Issue(
                f"{child.name} is not part of this year's census layout and was ignored.",
                child.name,
                child.line,
            )


@return_rule("S12", WARNING, "9.1", "Unknown top-level elements are ignored")
def unknown_blocks(ctx: Context) -> Iterator[Issue]:
    for name, line in ctx.source.structure:
        if _rank(name) is None:
            yield Issue(f"{name} is not part of the census layout and was ignored.", name, line)


@block_rule("S05", ERROR, "No empty coded, numeric or date elements", each="block")
def empty_values(node: Node, raw: RawElement) -> Iterator[Issue]:
    for spec, element in leaves(node, raw):
        assert spec.type is not None
        if element.text == "" and (spec.type.min_length or spec.type.base is not Base.STRING):
            yield Issue(
                f"{spec.name} is empty; leave it out or give a value.", spec.name, element.line
            )


@block_rule("S06", ERROR, "Values have the right type (number, date, year)", each="block")
def value_types(node: Node, raw: RawElement) -> Iterator[Issue]:
    for spec, element in leaves(node, raw):
        assert spec.type is not None
        if element.text and spec.type.base is not Base.STRING:
            try:
                values.read(spec.type, element.text)
            except ValueError as error:
                yield Issue(f"{spec.name} {quoted(element.text)} {error}.", spec.name, element.line)


@block_rule("S07", ERROR, "Coded values come from the code list", each="block")
def code_lists(node: Node, raw: RawElement) -> Iterator[Issue]:
    for spec, element in leaves(node, raw):
        assert spec.type is not None
        codes = [code for code, _ in spec.type.codes]
        if codes and element.text and element.text not in codes:
            yield Issue(
                f"{spec.name} {quoted(element.text)} is not a valid code; valid codes "
                f"are {', '.join(codes)}.",
                spec.name,
                element.line,
            )


def _decimal(spec: Node, element: RawElement) -> Decimal | None:
    if spec.type is None or spec.type.base is not Base.DECIMAL or not element.text:
        return None
    try:
        value = values.read(spec.type, element.text)
    except ValueError:
        return None
    return value if isinstance(value, Decimal) else None


@block_rule("S08", ERROR, "Decimals have no more places than allowed", each="block")
def decimal_places(node: Node, raw: RawElement) -> Iterator[Issue]:
    for spec, element in leaves(node, raw):
        value = _decimal(spec, element)
        places = spec.type.fraction_digits if spec.type else None
        if value is not None and places is not None and values.fraction_digits(value) > places:
            yield Issue(
                f"{spec.name} {element.text} has more than {places} decimal places.",
                spec.name,
                element.line,
            )


@block_rule("S09", ERROR, "Values within their allowed range (FTE 0 to 1)", each="block")
def value_ranges(node: Node, raw: RawElement) -> Iterator[Issue]:
    for spec, element in leaves(node, raw):
        value = _decimal(spec, element)
        if value is None or spec.type is None:
            continue
        low, high = spec.type.minimum, spec.type.maximum
        if (low is not None and value < low) or (high is not None and value > high):
            yield Issue(
                f"{spec.name} {element.text} must be between {low} and {high}.",
                spec.name,
                element.line,
            )


def _pattern_rule(node: Node, raw: RawElement, type_name: str, message: str) -> Iterator[Issue]:
    for spec, element in leaves(node, raw):
        if spec.type is None or spec.type.name != type_name or not element.text:
            continue
        if not re.fullmatch(spec.type.pattern or "", element.text, re.ASCII):
            yield Issue(f"{spec.name} {quoted(element.text)} {message}", spec.name, element.line)


@block_rule("S10", ERROR, "LEA is a three-digit council code", each="block")
def lea_pattern(node: Node, raw: RawElement) -> Iterator[Issue]:
    return _pattern_rule(
        node, raw, LEA.name, "must be the three-digit DfE council code, such as 336."
    )


@block_rule("S11", ERROR, "SWENo is two letters then up to ten digits", each="block")
def swe_pattern(node: Node, raw: RawElement) -> Iterator[Issue]:
    return _pattern_rule(
        node, raw, SWE.name, "must be two letters followed by up to ten digits, such as SW123456."
    )


RULES = (
    message_structure,
    element_order,
    occurrence,
    unknown_elements,
    unknown_blocks,
    empty_values,
    value_types,
    code_lists,
    decimal_places,
    value_ranges,
    lea_pattern,
    swe_pattern,
)
