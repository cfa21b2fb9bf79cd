"""Find the GraphQL examples in Markdown files, and the checks ``test_docs`` runs on them.

Every ```` ```graphql ```` fenced block must be preceded by one HTML comment saying what
to do with it (blank lines may separate the two):

* ``<!-- run: editor -->``: run the block as that user (``anonymous``, ``editor``,
  ``moderator`` or ``admin``); it must give no top-level GraphQL errors, and every
  mutation payload must select ``errors`` and get an empty list back;
* ``<!-- run: editor expect-errors -->``: the same, except that at least one mutation
  payload must return errors (an example of a failure);
* ``<!-- schema-excerpt -->``: an SDL excerpt; every type, field and argument it shows
  must exist in the real schema with exactly that type;
* ``<!-- not-run: reason -->``: shown only, for the reason given.

A run block may be followed by ```` ```json ```` blocks marked ``<!-- variables -->``
(the operation's variables) and ``<!-- expect -->`` (a subset of the response's
``data``: objects may leave keys out, lists must match item by item).

A string written ``"{{page.body.0.blockId}}"`` in a variables or expect block is replaced by
that value of the previous run block's ``data`` (keys and list positions, dot-separated):
for values a reader would copy from the previous response, such as StreamField block ids.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graphql import (
    FieldDefinitionNode,
    GraphQLSchema,
    InputValueDefinitionNode,
    OperationDefinitionNode,
    OperationType,
    TypeDefinitionNode,
    TypeExtensionNode,
    is_enum_type,
    is_input_object_type,
    is_interface_type,
    is_object_type,
    is_scalar_type,
    is_union_type,
    parse,
    print_ast,
)

USERS = ("anonymous", "editor", "moderator", "admin")

_FENCE = re.compile(r"^\s*```\s*([\w-]*)\s*$")
_MARKER = re.compile(r"^\s*<!--\s*([\w-]+)\s*:?\s*(.*?)\s*-->\s*$")


class DocsFormatError(Exception):
    """A Markdown file breaks the marker rules above; the message says where."""


@dataclass
class Example:
    """One marked ```` ```graphql ```` block and the JSON blocks attached to it."""

    where: str  # "docs/writes.md:42"
    kind: str  # "run", "schema-excerpt" or "not-run"
    argument: str  # "editor expect-errors", or the not-run reason
    document: str
    variables: dict[str, Any] = field(default_factory=dict)
    expect: Any = None

    @property
    def user(self) -> str:
        return self.argument.split()[0]

    @property
    def expects_errors(self) -> bool:
        return "expect-errors" in self.argument.split()[1:]


def _fenced_blocks(text: str) -> list[tuple[int, str | None, str, str]]:
    """``(line, marker, language, body)`` per fenced block; marker is the comment text."""
    blocks: list[tuple[int, str | None, str, str]] = []
    lines = text.splitlines()
    pending: str | None = None
    i = 0
    while i < len(lines):
        line = lines[i]
        fence = _FENCE.match(line)
        if fence:
            start = i + 1
            i += 1
            while i < len(lines) and not _FENCE.match(lines[i]):
                i += 1
            body = "\n".join(lines[start:i])
            blocks.append((start, pending, fence.group(1), body))
            pending = None
        elif _MARKER.match(line):
            pending = line.strip()
        elif line.strip():
            pending = None
        i += 1
    return blocks


def parse_examples(path: Path, root: Path) -> list[Example]:
    """The marked examples of one Markdown file, in document order."""
    examples: list[Example] = []
    name = path.relative_to(root).as_posix()
    for line, marker, language, body in _fenced_blocks(path.read_text()):
        where = f"{name}:{line}"
        match = _MARKER.match(marker) if marker else None
        kind, argument = (match.group(1), match.group(2)) if match else ("", "")
        if language == "graphql":
            if kind not in ("run", "schema-excerpt", "not-run"):
                raise DocsFormatError(
                    f"{where}: a ```graphql block needs <!-- run: USER -->, "
                    "<!-- schema-excerpt --> or <!-- not-run: reason --> before it."
                )
            if kind == "run" and argument.split()[:1] not in ([u] for u in USERS):
                raise DocsFormatError(f"{where}: run as one of {', '.join(USERS)}.")
            if kind == "not-run" and not argument:
                raise DocsFormatError(f"{where}: say why the block is not run.")
            examples.append(Example(where, kind, argument, body))
        elif kind in ("variables", "expect"):
            if language != "json" or not examples or examples[-1].kind != "run":
                raise DocsFormatError(
                    f"{where}: <!-- {kind} --> must mark a ```json block that follows a run block."
                )
            value = json.loads(body)
            if kind == "variables":
                examples[-1].variables = value
            else:
                examples[-1].expect = value
        elif kind:
            raise DocsFormatError(f"{where}: <!-- {kind} --> does not apply to ```{language}.")
    return examples


_REFERENCE = re.compile(r"^\{\{\s*([\w.]+)\s*\}\}$")


def substitute(value: Any, previous: Any) -> Any:
    """``value`` with every ``"{{a.0.b}}"`` string replaced from ``previous``."""
    if isinstance(value, dict):
        return {key: substitute(item, previous) for key, item in value.items()}
    if isinstance(value, list):
        return [substitute(item, previous) for item in value]
    match = _REFERENCE.match(value) if isinstance(value, str) else None
    if match is None:
        return value
    for step in match.group(1).split("."):
        previous = previous[int(step)] if isinstance(previous, list) else previous[step]
    return previous


def heading_anchors(markdown: str) -> set[str]:
    """GitHub's anchors for the headings of a Markdown text (``## 3. Create`` -> ``3-create``)."""
    text = re.sub(r"^\s*```.*?^\s*```", "", markdown, flags=re.MULTILINE | re.DOTALL)
    headings = re.findall(r"^#+\s+(.*?)\s*$", text, flags=re.MULTILINE)
    return {re.sub(r"[^\w\- ]", "", h.lower()).replace(" ", "-") for h in headings}


def is_mutation(document: str) -> bool:
    return any(
        isinstance(d, OperationDefinitionNode) and d.operation is OperationType.MUTATION
        for d in parse(document).definitions
    )


def subset_mismatch(expected: Any, actual: Any, path: str = "data") -> str | None:
    """Where ``expected`` is not contained in ``actual`` (None if it is)."""
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return f"{path}: expected an object, got {actual!r}"
        for key, value in expected.items():
            if key not in actual:
                return f"{path}.{key}: missing"
            problem = subset_mismatch(value, actual[key], f"{path}.{key}")
            if problem:
                return problem
        return None
    if isinstance(expected, list):
        if not isinstance(actual, list) or len(actual) != len(expected):
            return f"{path}: expected {len(expected)} items, got {actual!r}"
        for index, (want, got) in enumerate(zip(expected, actual, strict=True)):
            problem = subset_mismatch(want, got, f"{path}[{index}]")
            if problem:
                return problem
        return None
    return None if expected == actual else f"{path}: expected {expected!r}, got {actual!r}"


def excerpt_mismatches(excerpt: str, schema: GraphQLSchema) -> list[str]:
    """What an SDL excerpt shows that the schema does not have, exactly as shown."""
    problems: list[str] = []
    for definition in parse(excerpt).definitions:
        if not isinstance(definition, TypeDefinitionNode | TypeExtensionNode):
            problems.append(f"not a type definition: {print_ast(definition)[:60]}")
            continue
        name = definition.name.value
        real = schema.get_type(name)
        if real is None:
            problems.append(f"type {name} does not exist")
            continue
        if not _KINDS[definition.kind.replace("_extension", "_definition")](real):
            problems.append(f"{name} is not a {definition.kind.replace('_', ' ')}")
            continue
        for node in getattr(definition, "fields", None) or ():
            problems += _field_mismatches(name, real, node)
        for node in getattr(definition, "values", None) or ():
            if node.name.value not in real.values:  # type: ignore[union-attr]
                problems.append(f"enum value {name}.{node.name.value} does not exist")
        for node in getattr(definition, "interfaces", None) or ():
            if node.name.value not in {i.name for i in real.interfaces}:  # type: ignore[union-attr]
                problems.append(f"{name} does not implement {node.name.value}")
    return problems


_KINDS = {
    "object_type_definition": is_object_type,
    "interface_type_definition": is_interface_type,
    "input_object_type_definition": is_input_object_type,
    "enum_type_definition": is_enum_type,
    "union_type_definition": is_union_type,
    "scalar_type_definition": is_scalar_type,
}


def _field_mismatches(
    type_name: str, real: Any, node: FieldDefinitionNode | InputValueDefinitionNode
) -> list[str]:
    where = f"{type_name}.{node.name.value}"
    if not (is_object_type(real) or is_interface_type(real) or is_input_object_type(real)):
        return [f"{type_name} has no fields"]
    real_field = real.fields.get(node.name.value)
    if real_field is None:
        return [f"field {where} does not exist"]
    problems = []
    if str(real_field.type) != print_ast(node.type):
        problems.append(f"{where} is {real_field.type}, not {print_ast(node.type)}")
    for argument in getattr(node, "arguments", None) or ():
        real_argument = real_field.args.get(argument.name.value)
        if real_argument is None:
            problems.append(f"argument {where}({argument.name.value}) does not exist")
        elif str(real_argument.type) != print_ast(argument.type):
            problems.append(
                f"argument {where}({argument.name.value}) is {real_argument.type}, "
                f"not {print_ast(argument.type)}"
            )
    return problems
