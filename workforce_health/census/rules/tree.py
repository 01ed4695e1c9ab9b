"""Walking a raw element tree alongside the year's schema (for the §9.1 rules)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from workforce_health.census.records import RawElement, WorkerRecord
from workforce_health.census.rules.base import Context, Issue, Rule, Severity
from workforce_health.census.schema import Node

BlockCheck = Callable[[Node, RawElement], Iterable[Issue]]


def containers(node: Node, raw: RawElement) -> Iterator[tuple[Node, RawElement]]:
    """``(node, raw)`` and every nested container pair below it."""
    yield node, raw
    for child in raw.children:
        spec = node.child(child.name)
        if spec is not None and spec.type is None:
            yield from containers(spec, child)


def leaves(node: Node, raw: RawElement) -> Iterator[tuple[Node, RawElement]]:
    """Every known leaf element below ``raw`` with its schema node."""
    for parent, element in containers(node, raw):
        for child in element.children:
            spec = parent.child(child.name)
            if spec is not None and spec.type is not None:
                yield spec, child


def blocks(ctx: Context) -> Iterator[tuple[Node, RawElement]]:
    """The header and council block as read, paired with the year's schema nodes."""
    source = ctx.source
    if source.header is not None:
        yield ctx.schema.header, source.header.raw
    if source.council is not None:
        yield ctx.schema.council, source.council.raw


def quoted(text: str, limit: int = 40) -> str:
    return f"'{text}'" if len(text) <= limit else f"'{text[:limit]}…'"


def block_rule(
    id: str, severity: Severity, title: str, *, each: str
) -> Callable[[BlockCheck], Rule]:
    """A §9.1 rule applied alike to the header, the council block and every worker.

    ``each`` is ``"container"`` (check runs on each container level) or ``"block"`` (once per
    top-level block, the check walks the tree itself).
    """

    def wrap(check: BlockCheck) -> Rule:
        def run(node: Node, raw: RawElement) -> Iterator[Issue]:
            pairs = containers(node, raw) if each == "container" else iter([(node, raw)])
            for sub_node, sub_raw in pairs:
                yield from check(sub_node, sub_raw)

        def on_worker(ctx: Context, worker: WorkerRecord) -> Iterator[Issue]:
            return run(ctx.schema.worker, worker.raw)

        def on_return(ctx: Context) -> Iterator[Issue]:
            for node, raw in blocks(ctx):
                yield from run(node, raw)

        return Rule(id, severity, "9.1", title, worker=on_worker, whole=on_return)

    return wrap
