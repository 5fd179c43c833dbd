"""The demo grown to ten times its size (or any factor) for the benchmark: `generate` writes the
records, `text` holds their words in six languages, `command` is what
`bench/generate_scale_data.py` runs. Only the benchmark uses it, so it stays out of the
installed `cms` package; importing it needs Django set up (it reads the site's models).
"""
