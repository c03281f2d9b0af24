"""Loaders: documents in, ``schema`` records out.

``loaders.text`` reads files safely, ``loaders.blocks`` locates paragraphs and sentences,
``loaders.gazetteers`` finds areas, articles and countries, and ``loaders.extract`` turns
one document into a ``schema.Extraction``.
"""

import os

# The statistical models multiply their matrices with numpy's OpenBLAS (loaders.saved_pipeline). Their products
# are small and a build runs one extracting process per CPU, so each uses one thread: OpenBLAS's default of one
# thread per CPU in every process makes them wait on each other (the 10x corpus built in 28.6 s instead of
# 15.8 s on two cores). Set before numpy is first imported; OPENBLAS_NUM_THREADS in the environment wins.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
