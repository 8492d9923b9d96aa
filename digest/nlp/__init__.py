"""Stage 2, language: spaCy parsing (cached), sentences, and the vocabulary the extractors share."""
