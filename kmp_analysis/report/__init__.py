"""What a planner sees: the kecamatan brief, the regency summary, the explorer, and
the pages and files they become.

- :mod:`.brief`, :mod:`.summary`, :mod:`.explore`: what the three notebooks call
  (``prepare()`` and the methods of the object it returns), with their parameters
  in :mod:`.params`;
- :mod:`.brief_content`, :mod:`.summary_content`: what the brief and the summary
  say, as numbers and sentences (pandas only; the batch hashes them);
- :mod:`.maps`, :mod:`.charts`: the figures; :mod:`.blocks`: HTML building blocks
  shared by the pages (headings, tables, figures, provenance);
- :mod:`.webmap`: the zoomable map that works offline; :mod:`.style`,
  :mod:`.labels`, :mod:`.tables`: colours and CSS, text on figures, tables in words;
- :mod:`.page`: an executed notebook as the reader's HTML page; :mod:`.pdf`: that
  page printed to A4 with Chromium; :mod:`.workbook`: the evaluation workbook.

Nothing is imported here: a notebook kernel imports the module it needs, and the
batch, which runs above this package, imports only what it needs (the content to
hash, the page and PDF exporters, the notebook parameters).
"""
