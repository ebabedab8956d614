"""The one union-find of chorus (name spellings, copies, quotations, conflicts, outlets)."""

from chorus.disjoint import DisjointSets


def test_chained_unions_make_one_set_named_by_the_kept_root():
    sets = DisjointSets(["Meshal", "Meshaal", "Mashaal", "Sergei"])
    assert sets.union("Meshal", "Meshaal") == "Meshal"
    sets.union("Mashaal", "Meshaal")  # joins the set of Meshal, under Mashaal's root
    assert sets.same("Meshal", "Mashaal") and not sets.same("Meshal", "Sergei")
    assert sets.find("Meshal") == "Mashaal"
    assert sets.groups() == [["Meshal", "Meshaal", "Mashaal"], ["Sergei"]]
    assert sets.count() == 2


def test_items_added_later_and_a_union_with_oneself():
    sets = DisjointSets(range(3))
    sets.add(3)
    sets.add(0)  # already there: nothing changes
    assert sets.union(2, 2) == 2
    sets.union(3, 1)
    assert sets.groups() == [[0], [1, 3], [2]]
    assert sets.count() == 3
