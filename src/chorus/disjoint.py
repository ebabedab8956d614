"""Disjoint sets (union-find), for everything that groups items by a relation that chains.

Used wherever "A is like B and B is like C" must put A, B and C together:
spellings of one name, copies of one article, printings of one quotation,
conflicts over one quantity, articles of one outlet. Path halving keeps a
``find`` near constant time (Tarjan & van Leeuwen, *Worst-case analysis of
set union algorithms*, JACM 1984).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Generic, TypeVar

Item = TypeVar("Item", bound=Hashable)


class DisjointSets(Generic[Item]):
    """Sets of items, merged by ``union``; each set is named by one of its items, its root."""

    def __init__(self, items: Iterable[Item] = ()) -> None:
        self._parent: dict[Item, Item] = {item: item for item in items}

    def add(self, item: Item) -> None:
        self._parent.setdefault(item, item)

    def find(self, item: Item) -> Item:
        """The root of ``item``'s set."""
        parent = self._parent
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def union(self, keep: Item, other: Item) -> Item:
        """One set of the sets of ``keep`` and ``other``, named by the root of ``keep``'s; that root."""
        root, merged = self.find(keep), self.find(other)
        if root != merged:
            self._parent[merged] = root
        return root

    def same(self, a: Item, b: Item) -> bool:
        return self.find(a) == self.find(b)

    def groups(self) -> list[list[Item]]:
        """Every set, its items in the order they were added; sets in the order of their first item."""
        out: dict[Item, list[Item]] = {}
        for item in self._parent:
            out.setdefault(self.find(item), []).append(item)
        return list(out.values())

    def count(self) -> int:
        """How many sets there are."""
        return sum(1 for item in self._parent if self.find(item) == item)
