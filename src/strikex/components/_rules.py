"""How strikex's rule components get their rule data: spaCy's own pattern (SpanRuler, EntityRuler).

1. The factory makes an empty component. Its config names the files under ``models/`` the rules come from
   (``default_config={"gazetteer": "unions.jsonl", "patterns": "union_patterns.jsonl"}``).
2. ``initialize(get_examples=None, *, nlp=None)`` reads those files (``*.jsonl`` as a list of rows, ``*.json``
   as one object) and hands them to ``setup``, which builds the matchers. ``pipeline.load`` calls it for
   each strikex component; ``nlp.initialize()`` would also reset the pretrained components.
3. ``to_disk(path)`` writes the data the component was built from, under the same file names;
   ``from_disk(path)`` reads it back and builds again. So ``nlp.to_disk(p); spacy.load(p)`` needs no
   ``models/`` folder (the strikex factories must be registered: ``import strikex.pipeline`` first).

Calling a component before either raises. To convert a component: subclass ``RuleComponent``, let the
factory pass its file names as keyword arguments (``Finder(nlp, name, gazetteer=..., patterns=...)``),
move the building from ``__init__`` to ``setup(self, nlp, data)`` (``data["gazetteer"]`` is that file's
content; read it, never change it: the same objects are cached and saved), and rename ``__call__`` to
``process``. Rule ids name the file: ``self.files["gazetteer"] + ":" + row["id"]`` (models/README.md).
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable

import srsly
from spacy.language import Language
from spacy.tokens import Doc

from ..resources import read_json, read_jsonl


def read_rules(name: str) -> Any:
    """``models/NAME``: a list of rows for JSON Lines, the object for JSON."""
    return list(read_jsonl(name)) if name.endswith(".jsonl") else read_json(name)


class RuleComponent:
    def __init__(self, nlp: Language, name: str, **files: str):
        self.nlp = nlp
        self.name = name
        self.files = files                    # config argument -> file name under models/
        self.data: dict[str, Any] | None = None

    def setup(self, nlp: Language, data: dict[str, Any]) -> None:
        """Build the rules from ``data`` (config argument -> the file's content)."""
        raise NotImplementedError

    def process(self, doc: Doc) -> Doc:
        raise NotImplementedError

    def load(self, data: dict[str, Any], nlp: Language | None = None) -> None:
        self.setup(nlp or self.nlp, data)
        self.data = data

    def initialize(self, get_examples=None, *, nlp: Language | None = None) -> None:
        self.load({arg: read_rules(file) for arg, file in self.files.items()}, nlp)

    def __call__(self, doc: Doc) -> Doc:
        if self.data is None:
            raise ValueError(f"{self.name}: no rule data; call its initialize() first (strikex.pipeline.load does)")
        return self.process(doc)

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        if self.data is None:
            raise ValueError(f"{self.name}: no rule data to save; call its initialize() first")
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        for arg, file in self.files.items():
            if file.endswith(".jsonl"):
                srsly.write_jsonl(path / file, self.data[arg])
            else:
                srsly.write_json(path / file, self.data[arg], indent=1)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "RuleComponent":
        path = Path(path)
        self.load({arg: list(srsly.read_jsonl(path / file)) if file.endswith(".jsonl") else srsly.read_json(path / file)
                   for arg, file in self.files.items()})
        return self
