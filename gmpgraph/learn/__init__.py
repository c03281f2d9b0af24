"""Learning from the annotated texts: projection of the gold onto its text, the trained models
(a spaCy NER over our types, the entity decision, the relation reader), training and cross-validation.

The stages, each a module:

* :mod:`gmpgraph.learn.texts` - every annotated text (its document as the readers read it, and its gold);
* :mod:`gmpgraph.learn.projection` - gold names and relations placed on the text (the gold has no offsets);
* :mod:`gmpgraph.learn.ner` - the statistical NER, trained with spaCy's config system;
* :mod:`gmpgraph.learn.decisions` - the entity decision and relation reader (scikit-learn), fitted on
  candidates the extractor proposes;
* :mod:`gmpgraph.learn.train` - ``gmpgraph train``: all of it, with fixed seeds, into ``loaders/models``;
* :mod:`gmpgraph.learn.crossval` - ``gmpgraph eval --cv K``: folds by document.
"""
