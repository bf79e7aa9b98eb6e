"""Regex alternations of many words, written as a trie.

Python's `re` tries the branches of `one|two|three|...` one after another at every position;
the same words as a trie (`t(?:wo|hree)|one`) fail after one character almost everywhere, which
makes the scans for number words and event words several times faster.
"""

from __future__ import annotations

import re


def trie_pattern(words: list[str]) -> str:
    """A non-capturing regex matching exactly the given literal words (longest branch first)."""
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _emit(root) or "(?!)"


def _emit(node: dict) -> str:
    branches = [re.escape(ch) + _emit(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    optional = "" in node
    body = branches[0] if len(branches) == 1 and not optional else "(?:" + "|".join(branches) + ")"
    return body + ("?" if optional else "")
