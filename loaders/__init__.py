"""Loaders: documents in, ``schema`` records out.

``loaders.text`` reads files safely, ``loaders.blocks`` locates paragraphs and sentences,
``loaders.gazetteers`` finds areas, articles and countries, and ``loaders.extract`` turns
one document into a ``schema.Extraction``.
"""
