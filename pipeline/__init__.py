"""Text mining of German documents about municipal partnerships.

Stages, one module each: ``extract`` (files to text), ``ner`` (entities, with
cities linked by ``cities``), ``partnerships`` (who is partnered with whom),
``purposes`` (why), ``store`` (the DuckDB contract). ``runner`` chains them
over many files; ``cli`` is the thin ``twinning`` command line.
"""

__version__ = "0.1.0"
