"""`make bench`: a generated day of news pages driven through the real pipeline, measured."""
