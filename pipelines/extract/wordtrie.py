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


def any_of(words: list[str] | tuple[str, ...]) -> re.Pattern:
    """A pattern whose `search` tells whether any of the words occurs in a text (anywhere,
    case as given): `any(w in text for w in words)` in one pass of `re`, without a Python
    step per word."""
    return re.compile(trie_pattern(list(words)))


def _emit(node: dict) -> str:
    branches = [re.escape(ch) + _emit(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    optional = "" in node
    body = branches[0] if len(branches) == 1 and not optional else "(?:" + "|".join(branches) + ")"
    return body + ("?" if optional else "")


def first_letter_alternation(named: list[tuple[str, str]]) -> tuple[str, dict[str, str]]:
    """`(?P<a>x|y)|(?P<b>z)` regrouped by first letter: `x(?P<a_x0>...)|...`.

    `re` tries the branches of an alternation one after another, but skips a branch at once
    (in C) when it opens with a plain character that is not the one at hand. Named groups do
    not open with one, so a pattern of many named groups enters every group at every word. The
    same branches bucketed by their first letter, in their original order inside a bucket,
    match exactly the same text (branches with another first letter fail on it anyway) with
    one quick test per bucket. A bucket whose branches all go on with a plain letter (or space)
    is bucketed again by that letter, and so on for three letters, so that a word entering the
    bucket ("the" in the bucket of "t") skips the groups it cannot match the same way. Every
    branch must open with a lower-case letter, possibly behind a leading group (`(?:a|b)c`,
    `(?:a )?b`), which is expanded.

    Returns the pattern (without the word boundaries around it) and a map from its group
    names back to the given ones (use `m.lastgroup`).
    """
    branches = [(name, branch) for name, pattern in named for branch in _expand(pattern)]
    names: dict[str, str] = {}
    return "(?:" + _bucketed(branches, names, 3) + ")", names


def _bucketed(branches: list[tuple[str, str]], names: dict[str, str], depth: int) -> str:
    """The branches (each opening with a plain character) bucketed by that character, and
    `depth - 1` more characters where every branch of a bucket has one."""
    buckets: dict[str, list[tuple[str, str]]] = {}
    for name, branch in branches:
        buckets.setdefault(branch[0], []).append((name, branch[1:]))
    parts = []
    for letter, rests in buckets.items():
        if depth > 1 and all(_plain_start(rest) for _, rest in rests):
            body = _bucketed(rests, names, depth - 1)
        else:
            body = _named_groups(rests, names)
        parts.append(re.escape(letter) + "(?:" + body + ")")
    return "|".join(parts)


def _plain_start(rest: str) -> bool:
    """Whether `rest` opens with a letter or a space that no quantifier applies to."""
    return (rest[:1].isalpha() or rest[:1] == " ") and rest[1:2] not in ("?", "*", "+", "{")


def _named_groups(branches: list[tuple[str, str]], names: dict[str, str]) -> str:
    """Runs of branches of one name, in order, each as one named group."""
    groups: list[tuple[str, list[str]]] = []
    for name, rest in branches:
        if groups and groups[-1][0] == name:
            groups[-1][1].append(rest)
        else:
            groups.append((name, [rest]))
    inner = []
    for name, rests in groups:
        group = f"{name}__{len(names)}"
        names[group] = name
        inner.append(f"(?P<{group}>{'|'.join(rests)})")
    return "|".join(inner)


def _split_top(pattern: str) -> list[str]:
    """The top-level branches of a pattern (`|` outside groups and character classes)."""
    branches, depth, start, i = [], 0, 0, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i = _class_end(pattern, i)
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            branches.append(pattern[start:i])
            start = i + 1
        i += 1
    branches.append(pattern[start:])
    return branches


def _class_end(pattern: str, i: int) -> int:
    """The index just past the character class opening at `i`."""
    j = i + 1
    if j < len(pattern) and pattern[j] == "^":
        j += 1
    if j < len(pattern) and pattern[j] == "]":
        j += 1
    while pattern[j] != "]":
        j += 2 if pattern[j] == "\\" else 1
    return j + 1


def _group_end(pattern: str, i: int) -> int:
    """The index of the `)` closing the group opening at `i`."""
    depth, j = 0, i
    while True:
        ch = pattern[j]
        if ch == "\\":
            j += 2
            continue
        if ch == "[":
            j = _class_end(pattern, j)
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return j
        j += 1


def _expand(pattern: str) -> list[str]:
    """The branches of `pattern`, each opening with a plain lower-case letter, in the order
    `re` tries them: `(?:a|b)c` gives `ac`, `bc`; `(?:a )?b` gives `a b`, `b`."""
    out = []
    for branch in _split_top(pattern):
        if branch.startswith("(?:"):
            close = _group_end(branch, 0)
            inner, after = branch[3:close], branch[close + 1:]
            optional = after.startswith("?") and not after.startswith("??")
            if optional:
                after = after[1:]
            elif after[:1] in ("*", "+", "{", "?"):
                raise ValueError(f"cannot expand {branch!r}")
            # (?:x)c is x then c; with "?", the greedy group is tried first, then skipped
            out += [b for alt in _split_top(inner) for b in _expand(alt + after)]
            if optional:
                out += _expand(after)
        elif branch[:1].islower() and branch[:1].isalpha() and branch[1:2] not in ("?", "*", "+",
                                                                                   "{"):
            out.append(branch)
        else:
            raise ValueError(f"cannot expand {branch!r}")
    return out
