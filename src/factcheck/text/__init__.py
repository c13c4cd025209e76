"""The ground floor: text utilities (numbers, date expressions, front matter, quick pattern tests).

Nothing here imports anything of factcheck above `factcheck.text`, so every stage can use these
without import cycles; `tests/test_layers.py` holds that.
"""
