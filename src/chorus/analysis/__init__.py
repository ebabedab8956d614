"""The story report: what the outlets' coverage of one story shares and where it differs.

A consumer of the pipeline: from a represented ``Story`` and its ``Summary``
it derives facts (``facts``), conflicts (``conflicts``), quotes
(``quotes``), named entities (``entities``), text reuse (``reuse``) and
per-outlet coverage (``coverage``); ``report.report`` assembles them into a
``Report``, and ``chorus.render.report`` renders it.
"""
